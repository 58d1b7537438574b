package dev.mediacollection.api.resource;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.Response;

import dev.mediacollection.api.readback.SessionReadback;
import dev.mediacollection.generated.api.TimelineApi;

/** {@code /api/v1/sessions/{sessionId}/timeline}: a session's playback as spans, for the inspector's picture. */
public class TimelineResource implements TimelineApi {

    private final SessionReadback readback;

    TimelineResource(SessionReadback readback) {
        this.readback = readback;
    }

    @Override
    public CompletionStage<Response> getSessionTimeline(String sessionId) {
        return readback.getTimeline(sessionId);
    }
}
