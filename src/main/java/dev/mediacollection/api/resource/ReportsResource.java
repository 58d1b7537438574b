package dev.mediacollection.api.resource;

import java.time.OffsetDateTime;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.Response;

import dev.mediacollection.api.readback.SessionReports;
import dev.mediacollection.generated.api.ReportsApi;

/** {@code /api/v1/reports}: sessions added up, an extension beyond Adobe's API. */
public class ReportsResource implements ReportsApi {

    private final SessionReports reports;

    ReportsResource(SessionReports reports) {
        this.reports = reports;
    }

    @Override
    public CompletionStage<Response> getReport(String groupBy, OffsetDateTime from, OffsetDateTime to, String state,
            String mediaId, String playerName, String channel, String contentType, Integer limit) {
        return reports.report(groupBy, from, to, state, mediaId, playerName, channel, contentType, limit);
    }
}
