package dev.mediacollection.api.resource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.mediacollection.api.ApiPaths;
import dev.mediacollection.api.body.ReceivedBody;
import dev.mediacollection.api.readback.SessionReadback;
import dev.mediacollection.generated.api.SessionsApi;
import dev.mediacollection.generated.model.DownloadedEvent;
import dev.mediacollection.generated.model.SessionStart;
import dev.mediacollection.tracking.TrackingService;

/** {@code /api/v1/sessions}: players open a tracking session here; inspectors read sessions back. */
public class SessionsResource implements SessionsApi {

    private static final String SESSIONS_PATH = ApiPaths.PREFIX + "/sessions/";

    private final TrackingService tracking;
    private final ReceivedBody received;
    private final SessionReadback readback;

    SessionsResource(TrackingService tracking, ReceivedBody received, SessionReadback readback) {
        this.tracking = tracking;
        this.received = received;
        this.readback = readback;
    }

    @Override
    public CompletionStage<Response> createSession(SessionStart start) {
        // The deprecated form, a downloaded session as an array, arrives here too: start is its first element.
        Optional<List<DownloadedEvent>> batch = received.batch();
        CompletionStage<String> opened = batch.isPresent()
                ? tracking.openDownloaded(received.sessionStartOf(batch.get()), received.eventsAfterStart(batch.get()))
                : tracking.open(received.sessionStart(start));
        return opened.thenApply(SessionsResource::created);
    }

    @Override
    public CompletionStage<Response> listSessions(String state, String mediaId, String playerName,
            OffsetDateTime createdFrom, OffsetDateTime createdTo, Boolean hasFindings, Integer limit, String cursor) {
        return readback.listSessions(state, mediaId, playerName, createdFrom, createdTo, hasFindings, limit, cursor);
    }

    @Override
    public CompletionStage<Response> getSession(String sessionId) {
        return readback.getSession(sessionId);
    }

    @Override
    public CompletionStage<Response> preflightSessions() {
        return CompletableFuture.completedFuture(Response.noContent().build());
    }

    /**
     * Adobe's answer: {@code 201}, an empty octet-stream, and the session's RELATIVE path. Response.created() would
     * make it absolute, and Adobe's JS SDK takes the id as {@code location.split("/")[4]}.
     */
    static Response created(String sessionId) {
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, 0)
                .header(HttpHeaders.LOCATION, SESSIONS_PATH + sessionId)
                .build();
    }
}
