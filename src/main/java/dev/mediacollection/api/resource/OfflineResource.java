package dev.mediacollection.api.resource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.Response;

import dev.mediacollection.api.body.ReceivedBody;
import dev.mediacollection.generated.api.OfflineApi;
import dev.mediacollection.generated.model.DownloadedEvent;
import dev.mediacollection.tracking.TrackingService;

/** {@code /api/v1/downloaded}: Adobe's mobile SDKs upload sessions played offline here, whole. */
public class OfflineResource implements OfflineApi {

    private final TrackingService tracking;
    private final ReceivedBody received;

    OfflineResource(TrackingService tracking, ReceivedBody received) {
        this.tracking = tracking;
        this.received = received;
    }

    @Override
    public CompletionStage<Response> uploadDownloadedSession(List<DownloadedEvent> events) {
        return tracking.openDownloaded(received.sessionStartOf(events), received.eventsAfterStart(events))
                .thenApply(SessionsResource::created);
    }

    @Override
    public CompletionStage<Response> preflightDownloaded() {
        return CompletableFuture.completedFuture(Response.noContent().build());
    }
}
