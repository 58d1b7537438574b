package dev.mediacollection.api.http;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.api.problem.ProblemException;
import dev.mediacollection.api.problem.Problems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The inspector's pages follow the inspection endpoints' rule ({@link InspectionAccess}): without a token, only this
 * machine is served them. With a token set, the page is served to anyone and asks for the token before it reads.
 */
@ApplicationScoped
class InspectorPageFilter {

    private static final String PAGES = "/inspector";
    // Before the static resources are served.
    private static final int PRIORITY = 100;

    private final InspectionAccess access;
    private final ObjectMapper mapper;

    InspectorPageFilter(InspectionAccess access, ObjectMapper mapper) {
        this.access = access;
        this.mapper = mapper;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        String path = context.normalizedPath();
        boolean page = path.equals(PAGES) || path.startsWith(PAGES + "/");
        Optional<ProblemException> refusal = page && !access.hasToken()
                ? access.refusal(context.request().remoteAddress(), null)
                : Optional.empty();
        if (refusal.isEmpty()) {
            context.next();
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(Problems.document(refusal.get()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(refusal.get().type().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer")
                .end(body);
    }
}
