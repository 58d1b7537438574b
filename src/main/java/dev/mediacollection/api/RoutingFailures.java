package dev.mediacollection.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.generated.model.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests the router refuses before any filter or resource sees them, which Vert.x and Quarkus would answer with an
 * empty body: a path or query whose percent-encoding does not decode ({@code /api/v1/sessions/%ZZ}) cannot even be
 * matched against a route, and a path that routing gives up on fails with a bare status. They get a problem like
 * every other refusal, with the API's CORS headers under {@code /api/v1}.
 */
@ApplicationScoped
class RoutingFailures {

    private final ObjectMapper mapper;

    RoutingFailures(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        // Matching routes decodes the path; when that throws, Vert.x hands the request to the router's 400 handler.
        router.errorHandler(ProblemType.INVALID_URI.status(), context -> answer(context, Problems.document(
                new ProblemException(ProblemType.INVALID_URI,
                        "The request target is not a valid URI: every % must be followed by two hexadecimal digits."))));
        router.route().order(Integer.MIN_VALUE).failureHandler(this::bareStatus);
    }

    private void bareStatus(RoutingContext context) {
        Response.Status status = Response.Status.fromStatusCode(context.statusCode());
        // A thrown failure is a bug, answered by the 500 path; a bare status is a request that could not be routed.
        if (context.failure() != null || context.response().headWritten() || status == null
                || status.getFamily() != Response.Status.Family.CLIENT_ERROR) {
            context.next();
            return;
        }
        answer(context, Problems.plainStatus(status, status.getReasonPhrase() + "."));
    }

    private void answer(RoutingContext context, Problem problem) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (context.request().path() != null && context.request().path().startsWith(ApiHttpFilter.API_PREFIX)) {
            context.addHeadersEndHandler(ignored -> ApiHttpFilter.arrangeHeaders(response.headers()));
        }
        response.setStatusCode(problem.getStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .end(body);
    }
}
