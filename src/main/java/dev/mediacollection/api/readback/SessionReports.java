package dev.mediacollection.api.readback;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.generated.model.Report;
import dev.mediacollection.generated.model.ReportRow;
import dev.mediacollection.metrics.MetricTotals;
import dev.mediacollection.metrics.MetricsCalculator;
import dev.mediacollection.session.SessionState;
import dev.mediacollection.store.ReportDimension;
import dev.mediacollection.store.ReportQuery;
import dev.mediacollection.store.SessionStore;

/**
 * Reports across sessions: the store adds up what it keeps (the metrics of closed sessions, in the database) and
 * hands over the rest, which are computed here with Adobe's rules as the read-back of one session computes them.
 */
@ApplicationScoped
public class SessionReports {

    private final SessionStore store;
    private final ObjectMapper mapper;

    SessionReports(SessionStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    public CompletionStage<Response> report(String groupBy, OffsetDateTime from, OffsetDateTime to, String state,
            String mediaId, String playerName, String channel, String contentType, Integer limit) {
        ReportDimension dimension = ReportDimension.valueOf(
                groupBy.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT));
        ReportQuery query = new ReportQuery(dimension,
                Optional.ofNullable(from).map(OffsetDateTime::toInstant),
                Optional.ofNullable(to).map(OffsetDateTime::toInstant),
                Optional.ofNullable(state).map(name -> SessionState.valueOf(name.toUpperCase(Locale.ROOT))),
                Optional.ofNullable(mediaId), Optional.ofNullable(playerName), Optional.ofNullable(channel),
                Optional.ofNullable(contentType));
        return store.report(query, MetricsCalculator::of).thenApply(groups -> {
            MetricTotals totals = new MetricTotals();
            groups.values().forEach(totals::add);
            List<ReportRow> rows = groups.entrySet().stream()
                    .sorted(order(dimension))
                    .limit(limit)
                    .map(group -> row(group.getKey(), group.getValue()))
                    .toList();
            return Response.ok(new Report()
                    .rows(rows)
                    .totals(mapper.convertValue(totals.figures(), ReportRow.class))
                    .omittedRows((long) groups.size() - rows.size()))
                    .build();
        });
    }

    /**
     * Days and hours in time order; anything else the largest group first. The sessions kept without the param
     * (its key {@code null}) come after the named groups of their size.
     */
    private static Comparator<Map.Entry<String, MetricTotals>> order(ReportDimension dimension) {
        Comparator<Map.Entry<String, MetricTotals>> byKey = Map.Entry.comparingByKey(
                Comparator.nullsLast(Comparator.naturalOrder()));
        return dimension.isTime() ? byKey : Comparator.<Map.Entry<String, MetricTotals>>comparingLong(
                group -> group.getValue().sessions()).reversed().thenComparing(byKey);
    }

    private ReportRow row(String key, MetricTotals totals) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", key);
        row.putAll(totals.figures());
        return mapper.convertValue(row, ReportRow.class);
    }
}
