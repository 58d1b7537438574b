package dev.mediacollection.api.resource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.mediacollection.api.problem.ProblemException;
import dev.mediacollection.api.problem.ProblemType;
import dev.mediacollection.generated.api.SchemasApi;
import dev.mediacollection.validation.Contract;

/** {@code /api/v1/schemas/{eventType}}: the JSON Schema of each event's body, derived from the contract. */
public class SchemasResource implements SchemasApi {

    private final Contract contract;

    SchemasResource(Contract contract) {
        this.contract = contract;
    }

    @Override
    public CompletionStage<Response> getEventSchema(String eventType) {
        return CompletableFuture.completedFuture(contract.eventSchema(eventType)
                .map(schema -> Response.ok(schema, MediaType.APPLICATION_JSON_TYPE).build())
                .orElseThrow(() -> new ProblemException(ProblemType.UNKNOWN_EVENT_TYPE,
                        "There is no event type \"" + eventType + "\".")));
    }
}
