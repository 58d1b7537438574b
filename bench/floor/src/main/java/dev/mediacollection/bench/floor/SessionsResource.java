package dev.mediacollection.bench.floor;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.Response;

import dev.mediacollection.generated.api.SessionsApi;
import dev.mediacollection.generated.model.SessionStart;

/** {@code POST /api/v1/sessions}: checks the required fields and answers a new session's id; stores nothing. */
public class SessionsResource implements SessionsApi {

    @Override
    public CompletionStage<Response> createSession(SessionStart start) {
        return Answers.createdUnless(RequiredFields.missingFromSessionStart(start, ""));
    }
}
