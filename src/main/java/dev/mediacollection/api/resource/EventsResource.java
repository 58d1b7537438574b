package dev.mediacollection.api.resource;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.Response;

import dev.mediacollection.api.body.ReceivedBody;
import dev.mediacollection.api.monitoring.RequestMetricsFilter;
import dev.mediacollection.api.problem.ProblemException;
import dev.mediacollection.api.problem.ProblemType;
import dev.mediacollection.api.readback.SessionReadback;
import dev.mediacollection.generated.api.EventsApi;
import dev.mediacollection.generated.model.MediaEvent;
import dev.mediacollection.session.Admission;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.store.AppendResult;
import dev.mediacollection.tracking.IncomingEvent;
import dev.mediacollection.tracking.TrackingService;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/sessions/{sessionId}/events}: players send a session's playback events here; inspectors read them
 * back.
 */
public class EventsResource implements EventsApi {

    private final TrackingService tracking;
    private final ReceivedBody received;
    private final SessionReadback readback;
    private final RoutingContext routing;

    EventsResource(TrackingService tracking, ReceivedBody received, SessionReadback readback,
            RoutingContext routing) {
        this.tracking = tracking;
        this.received = received;
        this.readback = readback;
        this.routing = routing;
    }

    @Override
    public CompletionStage<Response> trackEvent(String sessionId, MediaEvent event) {
        IncomingEvent incoming = received.event(event);
        routing.put(RequestMetricsFilter.EVENT_TYPE, incoming.type());
        return tracking.record(sessionId, incoming).thenApply(result -> {
            if (result instanceof AppendResult.Appended) {
                return Response.noContent().build();
            }
            if (result instanceof AppendResult.SessionClosed closed) {
                throw new ProblemException(ProblemType.SESSION_CLOSED, closedDetail(closed, incoming.ts()));
            }
            throw new ProblemException(ProblemType.UNKNOWN_SESSION,
                    "No session has the id " + sessionId + "; open a new session.");
        });
    }

    @Override
    public CompletionStage<Response> listEvents(String sessionId, String order, Integer limit, String cursor) {
        return readback.listEvents(sessionId, order, limit, cursor);
    }

    @Override
    public CompletionStage<Response> preflightEvents(String sessionId) {
        return CompletableFuture.completedFuture(Response.noContent().build());
    }

    private static String closedDetail(AppendResult.SessionClosed closed, long ts) {
        Lifecycle lifecycle = closed.lifecycle();
        Instant at = lifecycle.closedAt();
        String why = switch (lifecycle.closeCause()) {
            case SESSION_END -> "The session ended with sessionEnd at " + at + lateDetail(closed.refusal(), ts,
                    lifecycle.endTs());
            case IDLE -> "The session expired at " + at + ": no event arrived within the idle timeout";
            case STALLED -> "The session expired at " + at + ": its playhead did not move within the stalled timeout";
            case DOWNLOADED -> "The session was uploaded whole as a downloaded session at " + at
                    + " and takes no events";
        };
        return why + "; open a new session.";
    }

    /** Why an ended session did not keep the event as a late one. */
    private static String lateDetail(Admission.Refusal refusal, long ts, Long endTs) {
        return switch (refusal) {
            case AFTER_END -> "; this event's ts (" + ts + ") is after the sessionEnd's (" + endTs + ")";
            case TOO_LATE -> "; this event's ts is not after the sessionEnd's, but it arrived after the late-event"
                    + " window";
            case CLOSED -> "";
        };
    }
}
