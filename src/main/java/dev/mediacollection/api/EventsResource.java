package dev.mediacollection.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.Response;

import dev.mediacollection.generated.api.EventsApi;

/** {@code /api/v1/sessions/{sessionId}/events}: players send a session's playback events here. */
public class EventsResource implements EventsApi {

    @Override
    public CompletionStage<Response> preflightEvents(String sessionId) {
        return CompletableFuture.completedFuture(Response.noContent().build());
    }
}
