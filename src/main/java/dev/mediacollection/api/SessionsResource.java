package dev.mediacollection.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.mediacollection.generated.api.SessionsApi;
import dev.mediacollection.generated.model.SessionStart;
import dev.mediacollection.tracking.TrackingService;

/** {@code /api/v1/sessions}: players open a tracking session here. */
public class SessionsResource implements SessionsApi {

    static final String SESSIONS_PATH = ApiHttpFilter.API_PREFIX + "/sessions/";

    private final TrackingService tracking;
    private final ReceivedBody received;

    public SessionsResource(TrackingService tracking, ReceivedBody received) {
        this.tracking = tracking;
        this.received = received;
    }

    @Override
    public CompletionStage<Response> createSession(SessionStart start) {
        return tracking.open(start.getPlayerTime().getPlayhead(), start.getPlayerTime().getTs(), received.text())
                // Relative on purpose: Response.created() would make it absolute, and Adobe's JS SDK takes the id
                // as location.split("/")[4].
                .thenApply(id -> Response.status(Response.Status.CREATED)
                        .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                        .header(HttpHeaders.CONTENT_LENGTH, 0)
                        .header(HttpHeaders.LOCATION, SESSIONS_PATH + id)
                        .build());
    }

    @Override
    public CompletionStage<Response> preflightSessions() {
        return CompletableFuture.completedFuture(Response.noContent().build());
    }
}
