package dev.mediacollection.api.resource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.Response;

import dev.mediacollection.api.readback.SessionReadback;
import dev.mediacollection.api.rejection.RejectionLog;
import dev.mediacollection.generated.api.InspectionApi;
import dev.mediacollection.generated.model.Rejection;
import dev.mediacollection.generated.model.RejectionList;

/**
 * {@code /api/v1/rejections} and {@code /api/v1/findings}: the requests the collection endpoints refused, and what
 * was wrong with those they kept; extensions beyond Adobe's API.
 */
public class InspectionResource implements InspectionApi {

    private final RejectionLog rejections;
    private final SessionReadback readback;

    InspectionResource(RejectionLog rejections, SessionReadback readback) {
        this.rejections = rejections;
        this.readback = readback;
    }

    @Override
    public CompletionStage<Response> listFindings(Integer limit, String cursor) {
        return readback.listFindings(limit, cursor);
    }

    @Override
    public CompletionStage<Response> listPlayerFindings() {
        return readback.listPlayerFindings();
    }

    @Override
    public CompletionStage<Response> listRejections(Integer limit) {
        List<Rejection> items = rejections.newest(limit).stream()
                .map(rejection -> new Rejection()
                        .at(SessionReadback.time(rejection.at()))
                        .method(rejection.method())
                        .path(rejection.path())
                        .body(rejection.body())
                        .problem(rejection.problem()))
                .toList();
        return CompletableFuture.completedFuture(Response.ok(new RejectionList().items(items)).build());
    }
}
