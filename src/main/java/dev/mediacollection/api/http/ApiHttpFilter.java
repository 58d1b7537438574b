package dev.mediacollection.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.api.ApiPaths;
import dev.mediacollection.api.body.BodyLimits;
import dev.mediacollection.api.body.SentContentType;
import dev.mediacollection.api.problem.ProblemException;
import dev.mediacollection.api.problem.Problems;
import dev.mediacollection.api.rejection.RejectionLog;
import dev.mediacollection.config.CollectorConfig;
import dev.mediacollection.generated.model.Problem;
import dev.mediacollection.validation.ValidationProfile;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP concerns shared by every response under {@code /api/v1}, whoever produces it (a resource, an exception
 * mapper, a 404 for an unknown path):
 * <ul>
 * <li>Adobe's four CORS headers, exactly once each, with the fixed values browser players expect;</li>
 * <li>an over-limit {@code Content-Length} is refused with {@code 413} before the body is read;</li>
 * <li>outside the strict profile, a body posted without {@code application/json} (Adobe's Media JS 3.0.0 and
 * 3.0.1 set no type, so browsers send {@code text/plain}) is read as JSON: the type sent is noted for its finding,
 * and the request goes on as {@code application/json}, before routing would refuse it.</li>
 * </ul>
 */
@ApplicationScoped
class ApiHttpFilter {

    // Vert.x writes headers in insertion order; these go last, as on Adobe's endpoint.
    private static final List<String[]> CORS_HEADERS = List.of(
            new String[] { "Access-Control-Allow-Origin", "*" },
            new String[] { "Access-Control-Allow-Methods", "OPTIONS,POST,PUT" },
            new String[] { "Access-Control-Allow-Headers", "Content-Type" },
            new String[] { "Access-Control-Expose-Headers", "Location" });

    // Runs before Quarkus REST routes the request.
    private static final int PRIORITY = 100;

    private final BodyLimits limits;
    private final ObjectMapper mapper;
    private final RejectionLog rejections;
    private final boolean readsAnyTypeAsJson;

    ApiHttpFilter(BodyLimits limits, ObjectMapper mapper, RejectionLog rejections, CollectorConfig config) {
        this.limits = limits;
        this.mapper = mapper;
        this.rejections = rejections;
        this.readsAnyTypeAsJson = config.validation().profile() != ValidationProfile.STRICT;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        if (!context.normalizedPath().startsWith(ApiPaths.PREFIX)) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(ignored -> arrangeHeaders(response.headers()));
        long limit = limits.largest();
        String contentLength = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null && declaredLength(contentLength) > limit) {
            Problem problem = Problems.document(ProblemException.payloadTooLarge(limit));
            rejections.record(context.request().method().name(), context.normalizedPath(), null, problem);
            refuse(response, problem);
            return;
        }
        HttpServerRequest request = context.request();
        if (readsAnyTypeAsJson && request.method() == HttpMethod.POST) {
            String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
            if (!SentContentType.isJson(contentType)) {
                SentContentType.note(context, contentType);
                request.headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
            }
        }
        context.next();
    }

    /**
     * Adobe's order and spelling: {@code Content-Type}, {@code Content-Length}, the response's own headers, then
     * the CORS headers. Clients must not care, but an exact stand-in should not differ where it need not.
     */
    static void arrangeHeaders(MultiMap headers) {
        String contentType = null;
        String contentLength = null;
        // Most answers (204, 201) carry two or three headers: a list, not another map, keeps the rest in order.
        List<Map.Entry<String, String>> others = null;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Content-Type")) {
                contentType = header.getValue();
            } else if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = header.getValue();
            } else if (!isCorsHeader(name)) {
                if (others == null) {
                    others = new ArrayList<>(4);
                }
                others.add(Map.entry(name, header.getValue()));
            }
        }
        headers.clear();
        if (contentType != null) {
            headers.add("Content-Type", contentType);
        }
        if (contentLength != null) {
            headers.add("Content-Length", contentLength);
        }
        if (others != null) {
            others.forEach(header -> headers.add(header.getKey(), header.getValue()));
        }
        for (String[] header : CORS_HEADERS) {
            headers.add(header[0], header[1]);
        }
    }

    private static boolean isCorsHeader(String name) {
        for (String[] header : CORS_HEADERS) {
            if (header[0].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Answers without reading the body; the connection closes, since the unread body cannot be skipped cheaply. */
    private void refuse(HttpServerResponse response, Problem problem) {
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(problem.getStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(body);
    }
}
