package dev.mediacollection.bench.floor;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.Response;

import dev.mediacollection.generated.api.EventsApi;
import dev.mediacollection.generated.model.MediaEvent;

/** {@code POST /api/v1/sessions/{id}/events}: checks the required fields and answers {@code 204}; stores nothing. */
public class EventsResource implements EventsApi {

    @Override
    public CompletionStage<Response> trackEvent(String sessionId, MediaEvent event) {
        return Answers.trackedUnless(RequiredFields.missingFromEvent(event, ""));
    }
}
