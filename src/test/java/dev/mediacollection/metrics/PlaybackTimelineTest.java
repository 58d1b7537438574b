package dev.mediacollection.metrics;

import static dev.mediacollection.metrics.Timeline.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import dev.mediacollection.metrics.PlaybackSpan.Kind;

/** A session's spans: what the player did between its events, by the rules its metrics follow (times in ms after T0). */
class PlaybackTimelineTest {

    private static PlaybackSpan span(Kind kind, long from, long to, double fromPlayhead, double toPlayhead) {
        return new PlaybackSpan(kind, T0 + from, T0 + to, fromPlayhead, toPlayhead);
    }

    @Test
    void eachEventStartsWhatThePlayerDoesUntilTheNextAndTimeCountingTowardNoMetricIsInNoSpan() {
        Timeline session = Timeline.of(600)
                .at(1_000, "play", 0)
                .at(11_000, "ping", 10)
                .at(21_000, "pauseStart", 20)
                .at(31_000, "play", 20)
                .at(36_000, "bufferStart", 25)
                .at(40_000, "play", 25)
                .at(45_000, "adBreakStart", 30)
                .at(45_001, "adStart", 30)
                .at(60_001, "adComplete", 30)
                .at(60_002, "adBreakComplete", 30)
                .at(70_002, "sessionEnd", 40);

        PlaybackTimeline timeline = session.spans();

        assertThat(timeline.spans()).containsExactly(
                span(Kind.CONTENT, 1_000, 21_000, 0, 20),   // play and a ping: one span
                span(Kind.PAUSED, 21_000, 31_000, 20, 20),
                span(Kind.CONTENT, 31_000, 36_000, 20, 25),
                span(Kind.BUFFERING, 36_000, 40_000, 25, 25),
                span(Kind.CONTENT, 40_000, 45_000, 25, 30),
                // the break before its ad, and after it, counts toward nothing
                span(Kind.AD, 45_001, 60_001, 30, 30),
                span(Kind.CONTENT, 60_002, 70_002, 30, 40));
        assertThat(timeline.isFinal()).isTrue();
        assertThat(timeline.computedUpTo()).isEqualTo(T0 + 70_002);
        addsUpToItsMetrics(session);
    }

    @Test
    void aStallIsHeldApartUntilItsRunEndsAndARunTooShortIsContentAfterAll() {
        Timeline session = Timeline.of(600)
                .at(0, "play", 10)
                .at(10_000, "ping", 10)
                .at(20_000, "ping", 10)  // the third event at 10: a stall from 0 s
                .at(30_000, "ping", 20)  // moving again: stalled 0..20 s
                .at(40_000, "ping", 30)
                .at(50_000, "ping", 30)  // only two at 30: played
                .at(60_000, "ping", 40);

        PlaybackTimeline timeline = session.spans();

        assertThat(timeline.spans()).containsExactly(
                span(Kind.STALLED, 0, 20_000, 10, 10),
                span(Kind.CONTENT, 20_000, 60_000, 10, 40));
        assertThat(timeline.isFinal()).as("open").isFalse();
        addsUpToItsMetrics(session);
    }

    @Test
    void aRunStillGoingAtTheLastEventEndsThere() {
        Timeline session = Timeline.of(600)
                .at(0, "play", 0)
                .at(10_000, "ping", 10)
                .at(20_000, "ping", 10)
                .at(30_000, "ping", 10);

        assertThat(session.spans().spans()).containsExactly(
                span(Kind.CONTENT, 0, 10_000, 0, 10),
                span(Kind.STALLED, 10_000, 30_000, 10, 10));
        addsUpToItsMetrics(session);
    }

    @Test
    void eventsArrivingOutOfTsOrderGiveTheSameSpans() {
        Timeline session = Timeline.of(600)
                .at(0, "play", 0)
                .at(10_000, "pauseStart", 10)
                .at(15_000, "play", 10)
                .at(25_000, "ping", 20);

        assertThat(session.spansArrivingReversed()).isEqualTo(session.spans());
    }

    /** The spans of each kind add up to the metric that kind's time counts toward. */
    private static void addsUpToItsMetrics(Timeline session) {
        MediaMetrics metrics = session.metrics();
        Map<Kind, ToDoubleFunction<MediaMetrics>> metricOf = Map.of(
                Kind.CONTENT, m -> m.core().contentTimeSpent(),
                Kind.AD, m -> m.ads().adTimeSpent(),
                Kind.PAUSED, m -> m.core().totalPauseDuration(),
                Kind.BUFFERING, m -> m.quality().totalBufferDuration(),
                Kind.STALLED, m -> m.quality().totalStallingDuration());
        metricOf.forEach((kind, metric) -> assertThat(session.spans().spans().stream()
                .filter(span -> span.kind() == kind).mapToLong(span -> span.toTs() - span.fromTs()).sum() / 1000.0)
                .as(kind.name()).isEqualTo(metric.applyAsDouble(metrics)));
    }
}
