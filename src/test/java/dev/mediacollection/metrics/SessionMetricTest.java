package dev.mediacollection.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.support.Spec;

/** The one list of figures reports add up agrees with a session's metrics as the contract describes them. */
class SessionMetricTest {

    private static final JsonNode METRICS = Spec.document().at("/components/schemas/Metrics");
    /** What describes the computation, and the per-session map of every state, custom ones included. */
    private static final Set<String> NOT_ADDED_UP = Set.of("final", "computedUpTo", "states");

    @Test
    void everyFigureOfASessionsMetricsIsListedInItsOrder() {
        List<String> figures = new ArrayList<>();
        METRICS.get("properties").fieldNames().forEachRemaining(name -> {
            if (!NOT_ADDED_UP.contains(name)) {
                figures.add(name);
            }
        });

        assertThat(SessionMetric.ALL).extracting(SessionMetric::field).containsExactlyElementsOf(figures);
    }

    @Test
    void exactlyTheFiguresASessionMayLackAreAddedUpOnlyWhenReported() {
        List<String> required = new ArrayList<>();
        METRICS.get("required").forEach(name -> required.add(name.asText()));

        SessionMetric.ALL.forEach(metric -> assertThat(metric.presence()).as(metric.field())
                .isEqualTo(required.contains(metric.field())
                        ? SessionMetric.Presence.ALWAYS : SessionMetric.Presence.WHEN_REPORTED));
    }

    @Test
    void countsAreIntegersAndEverythingElseANumberWithItsResolution() {
        SessionMetric.ALL.forEach(metric -> assertThat(METRICS.at("/properties/" + metric.field() + "/type")
                .asText()).as(metric.field()).isEqualTo(metric.unit() == SessionMetric.Unit.COUNT ? "integer"
                        : "number"));
    }

    @Test
    void aReportRowHasTheKeyThenWhatTotalsGiveWhichAlwaysGiveTheRequiredOnes() {
        JsonNode row = Spec.document().at("/components/schemas/ReportRow");
        MetricTotals totals = new MetricTotals().add(Timeline.of(60)
                .at(0, "play", 0, "\"qoeData\":{\"media.qoe.timeToStart\":800,\"media.qoe.bitrate\":2000000,"
                        + "\"media.qoe.droppedFrames\":3}")
                .at(1_000, "chapterStart", 1, "\"params\":{\"media.chapter.index\":1,\"media.chapter.offset\":0,"
                        + "\"media.chapter.length\":30}")
                .at(2_000, "adBreakStart", 2, "\"params\":{\"media.ad.podIndex\":1,\"media.ad.podSecond\":2}")
                .at(2_001, "adStart", 2, "\"params\":{\"media.ad.id\":\"a\",\"media.ad.length\":5,"
                        + "\"media.ad.podPosition\":1}")
                .at(10_000, "ping", 2)
                .metrics());
        List<String> properties = new ArrayList<>();
        row.get("properties").fieldNames().forEachRemaining(properties::add);
        List<String> required = new ArrayList<>();
        row.get("required").forEach(name -> required.add(name.asText()));

        assertThat(properties.get(0)).isEqualTo("key");
        assertThat(totals.figures().keySet()).containsExactlyElementsOf(properties.subList(1, properties.size()));
        assertThat(new MetricTotals().figures().keySet()).containsExactlyElementsOf(required);
    }

    @Test
    void eachFigureHasItsOwnSnakeCaseColumn() {
        assertThat(SessionMetric.ALL).extracting(SessionMetric::column).doesNotHaveDuplicates()
                .allMatch(column -> column.matches("[a-z][a-z0-9_]*"))
                .contains("media_starts", "picture_in_picture_total_duration", "progress10");
    }

    @Test
    void aFigureIsKeptAsAWholeNumberOfItsResolution() {
        MediaMetrics metrics = Timeline.of(60).at(0, "play", 0).at(20_001, "ping", 20).metrics();

        assertThat(SessionMetric.CONTENT_TIME_SPENT.stored(metrics)).isEqualTo(20_001L);
        assertThat(SessionMetric.CONTENT_TIME_SPENT.fromStored(20_001)).isEqualTo(20.001);
        assertThat(SessionMetric.AVERAGE_MINUTE_AUDIENCE.stored(metrics)).isEqualTo(333_350L);
        assertThat(SessionMetric.MEDIA_STARTS.stored(metrics)).isEqualTo(1L);
        assertThat(SessionMetric.TIME_TO_START.stored(metrics)).isNull();
    }
}
