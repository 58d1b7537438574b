package dev.mediacollection.bench.floor;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.Response;

import dev.mediacollection.generated.api.OfflineApi;
import dev.mediacollection.generated.model.DownloadedEvent;

/** {@code POST /api/v1/downloaded}: checks every element's required fields and answers a new session's id. */
public class OfflineResource implements OfflineApi {

    @Override
    public CompletionStage<Response> uploadDownloadedSession(List<DownloadedEvent> events) {
        return Answers.createdUnless(RequiredFields.missingFromDownloaded(events));
    }
}
