package dev.mediacollection.api.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.api.ApiPaths;
import dev.mediacollection.api.problem.Problems;
import dev.mediacollection.generated.model.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests Vert.x refuses while routing, which Quarkus would answer with an empty body or its own error JSON (and an
 * ERROR log line per request): a request target that is not a path ({@code GET api/v1/sessions}, without the leading
 * slash) fails with {@code 404}, an HTTP/1.1 request without a {@code Host} header with {@code 400}. They get a
 * problem like every other refusal, with the API's CORS headers under {@code /api/v1}.
 */
@ApplicationScoped
class RoutingFailures {

    private final ObjectMapper mapper;

    RoutingFailures(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::bareStatus);
    }

    private void bareStatus(RoutingContext context) {
        Response.Status status = Response.Status.fromStatusCode(context.statusCode());
        // Vert.x fails a request it cannot route with a 4xx (with or without an exception, such as a missing Host
        // header); any other failure is a bug, answered by the 500 path.
        if (context.response().headWritten() || status == null
                || status.getFamily() != Response.Status.Family.CLIENT_ERROR) {
            context.next();
            return;
        }
        answer(context, Problems.plainStatus(status, status.getReasonPhrase() + "."));
    }

    private void answer(RoutingContext context, Problem problem) {
        HttpServerResponse response = context.response();
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (context.request().path() != null && context.request().path().startsWith(ApiPaths.PREFIX)) {
            context.addHeadersEndHandler(ignored -> ApiHttpFilter.arrangeHeaders(response.headers()));
        }
        response.setStatusCode(problem.getStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .end(body);
    }
}
