package dev.mediacollection.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Each rule of a report (docs/metrics.md, "Reports") on sessions small enough to add up by hand: two or three
 * sessions of a few events (times in ms after the sessionStart), totalled.
 */
class MetricTotalsTest {

    private static final String QOE = "\"qoeData\":";

    private static Map<String, Number> total(MediaMetrics... sessions) {
        MetricTotals totals = new MetricTotals();
        for (MediaMetrics session : sessions) {
            totals.add(session);
        }
        return totals.figures();
    }

    /** A session of content {@code length} s that plays {@code seconds} s and ends. */
    private static MediaMetrics played(double length, long ms) {
        return Timeline.of(length).at(0, "play", 0).at(ms, "sessionEnd", ms / 1000.0).metrics();
    }

    @Test
    void countsAreSummed() {
        Map<String, Number> figures = total(
                Timeline.of(60).at(0, "play", 0).at(60_000, "sessionComplete", 60).metrics(),
                Timeline.of(60).at(0, "play", 0).at(10_000, "sessionEnd", 10).metrics(),
                Timeline.of(60).resumed().at(0, "play", 30).at(10_000, "sessionEnd", 40).metrics());

        assertThat(figures)
                .containsEntry("sessions", 3L)
                .containsEntry("mediaStarts", 2L)
                .containsEntry("contentResumes", 1L)
                .containsEntry("contentStarts", 3L)
                .containsEntry("contentCompletes", 1L);
    }

    @Test
    void timesAreSummedInSecondsToTheMillisecond() {
        assertThat(total(played(600, 10_500), played(600, 20_251)))
                .containsEntry("contentTimeSpent", 30.751)
                .containsEntry("mediaTimeSpent", 30.751);
    }

    @Test
    void impactedStreamsAddUpToTheSessionsImpacted() {
        Map<String, Number> figures = total(
                Timeline.of(60).at(0, "play", 0).at(1_000, "bufferStart", 1).at(2_000, "play", 1)
                        .at(3_000, "bufferStart", 2).at(4_000, "play", 2).metrics(),
                Timeline.of(60).at(0, "play", 0).at(1_000, "bufferStart", 1).at(2_000, "play", 1).metrics(),
                played(60, 5_000));

        assertThat(figures)
                .containsEntry("bufferEvents", 3L)
                .containsEntry("bufferImpactedStreams", 2L)
                .containsEntry("totalBufferDuration", 3.0);
    }

    @Test
    void averageMinuteAudienceIsSummedToTheMillionthAndLeftOutWithoutALength() {
        Map<String, Number> figures = total(played(60, 30_000), played(60, 20_000), played(0, 10_000));

        // 30/60 + 20/60 = 0.8333…, kept per session to the millionth: 0.5 + 0.333333.
        assertThat(figures).containsEntry("averageMinuteAudience", 0.833333);
        assertThat(total(played(0, 10_000))).doesNotContainKey("averageMinuteAudience");
    }

    @Test
    void timeToStartAndDroppedFramesAreSummedOverTheSessionsThatReportThem() {
        Map<String, Number> figures = total(
                Timeline.of(60).at(0, "play", 0, QOE + "{\"media.qoe.timeToStart\":1500,"
                        + "\"media.qoe.droppedFrames\":4}").at(1_000, "ping", 1, QOE + "{\"media.qoe.droppedFrames\":3}")
                        .metrics(),
                Timeline.of(60).at(0, "play", 0, QOE + "{\"media.qoe.timeToStart\":250}").metrics(),
                played(60, 1_000));

        assertThat(figures)
                .containsEntry("timeToStart", 1.75)
                .as("the latest value of the one session that reports it").containsEntry("droppedFrames", 3L)
                .containsEntry("droppedFrameImpactedStreams", 1L);
        assertThat(total(played(60, 1_000))).doesNotContainKeys("timeToStart", "droppedFrames");
    }

    @Test
    void averageBitrateIsTheMeanOverTheSessionsThatReportOne() {
        Map<String, Number> figures = total(
                Timeline.of(60).at(0, "play", 0, QOE + "{\"media.qoe.bitrate\":1000000}").at(10_000, "ping", 10)
                        .metrics(),
                Timeline.of(60).at(0, "play", 0, QOE + "{\"media.qoe.bitrate\":2000001}").at(10_000, "ping", 10)
                        .metrics(),
                played(60, 10_000));

        // (1000 + 2000.001) / 2 kbps, to the thousandth.
        assertThat(figures).containsEntry("averageBitrate", 1500.001);
        assertThat(total(played(60, 1_000))).doesNotContainKey("averageBitrate");
    }

    @Test
    void openSessionsAreCountedUpToTheirLastEventAndSaidToBeOpen() {
        Map<String, Number> figures = total(
                Timeline.of(60).at(0, "play", 0).at(10_000, "ping", 10).metrics(),
                played(60, 20_000));

        assertThat(figures)
                .containsEntry("sessions", 2L)
                .containsEntry("openSessions", 1L)
                .containsEntry("contentTimeSpent", 30.0);
    }

    @Test
    void adobesCalculatedMetricsDivideTheSums() {
        Map<String, Number> figures = total(
                Timeline.of(60)
                        .at(0, "adBreakStart", 0).at(1, "adStart", 0).at(15_001, "adComplete", 0)
                        .at(15_002, "adBreakComplete", 0)
                        .at(15_002, "play", 0).at(75_002, "sessionComplete", 60).metrics(),
                Timeline.of(60)
                        .at(0, "adBreakStart", 0).at(1, "adStart", 0).at(5_001, "adSkip", 0)
                        .at(5_002, "adBreakComplete", 0)
                        .at(5_002, "play", 0).at(5_002, "pauseStart", 0).at(25_002, "sessionEnd", 0).metrics(),
                Timeline.of(60).at(0, "sessionEnd", 0).metrics());

        // Three media starts, two content starts, one complete; 60 s of content, 20 s of ads, 20 s paused.
        assertThat(figures)
                .containsEntry("mediaCompletionRate", 1.0 / 3)
                .containsEntry("contentCompletionRate", 0.5)
                .containsEntry("avgAdsPerMediaStream", 2.0 / 3)
                .containsEntry("avgMediaTimeSpent", 80.0 / 3)
                .containsEntry("avgContentTimeSpent", 30.0)
                .containsEntry("avgAdTimeSpent", 10.0)
                .containsEntry("adCompletionRate", 0.5)
                .containsEntry("dropBeforeStartRate", 1.0 / 3)
                .containsEntry("contentPauseDurationRate", 20.0 / 60)
                .containsEntry("adTimeSpentRate", 20.0 / 60)
                .containsEntry("contentBufferDurationRate", 0.0)
                .doesNotContainKeys("avgChapterTimeSpent", "chapterCompletionRate", "contentTimeToStartRate");
        assertThat(figures).containsEntry("avgChaptersPerMediaStream", 0.0);
    }

    @Test
    void noSessionsAddUpToZerosAndNothingElse() {
        Map<String, Number> figures = new MetricTotals().figures();

        assertThat(figures).containsEntry("sessions", 0L).containsEntry("mediaStarts", 0L)
                .containsEntry("contentTimeSpent", 0.0)
                .doesNotContainKeys("averageMinuteAudience", "averageBitrate", "mediaCompletionRate");
    }

    @Test
    void totalsFromAStoreAddUpLikeTheSessionsThemselves() {
        MediaMetrics first = Timeline.of(60).at(0, "play", 0, QOE + "{\"media.qoe.bitrate\":1000000}")
                .at(30_000, "sessionEnd", 30).metrics();
        MediaMetrics second = Timeline.of(0).at(0, "play", 0).at(5_000, "sessionEnd", 5).metrics();
        long[] sums = new long[SessionMetric.ALL.size()];
        long[] reported = new long[SessionMetric.ALL.size()];
        for (MediaMetrics stored : new MediaMetrics[] { first, second }) {
            for (SessionMetric metric : SessionMetric.ALL) {
                Long value = metric.stored(stored);
                if (value != null) {
                    sums[metric.ordinal()] += value;
                    reported[metric.ordinal()]++;
                }
            }
        }
        MediaMetrics open = Timeline.of(60).at(0, "play", 0).at(10_000, "ping", 10).metrics();

        MetricTotals fromStore = new MetricTotals().addStored(2, sums, reported).add(new MetricTotals().add(open));

        assertThat(fromStore.figures()).isEqualTo(total(first, second, open));
    }
}
