package dev.mediacollection.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Each rule of docs/metrics.md on a session small enough to compute by hand (times in ms after the sessionStart),
 * then whole sessions.
 */
class MetricsCalculatorTest {

    @Test
    void aSessionIsAMediaStartUnlessItResumesAnother() {
        assertThat(Timeline.of(60).metrics()).extracting(MediaMetrics::mediaStarts, MediaMetrics::resumed)
                .containsExactly(1, 0);
        assertThat(Timeline.of(60).resumed().metrics()).extracting(MediaMetrics::mediaStarts, MediaMetrics::resumed)
                .containsExactly(0, 1);
    }

    @Test
    void playPauseAndBufferAreStatesAndTheNextPlayEndsThem() {
        MediaMetrics metrics = Timeline.of(600)
                .at(1_000, "play", 0)
                .at(11_000, "ping", 10)
                .at(21_000, "pauseStart", 20)   // played 1s..21s: 20 s
                .at(31_000, "ping", 20)         // a ping while paused is no new pause
                .at(36_000, "play", 20)         // paused 21s..36s: 15 s
                .at(46_000, "bufferStart", 30)  // played 36s..46s: 10 s
                .at(48_000, "play", 30)         // buffering 46s..48s: 2 s
                .at(58_000, "sessionEnd", 40)   // played 48s..58s: 10 s
                .metrics();

        assertThat(metrics.contentStarts()).isEqualTo(1);
        assertThat(metrics.contentTimeSpent()).isEqualTo(40.0);
        assertThat(metrics.mediaTimeSpent()).isEqualTo(40.0);
        assertThat(metrics.pauseCount()).isEqualTo(1);
        assertThat(metrics.pauseTime()).isEqualTo(15.0);
        assertThat(metrics.bufferCount()).isEqualTo(1);
        assertThat(metrics.bufferTime()).isEqualTo(2.0);
        assertThat(metrics.uniqueTimePlayed()).isEqualTo(40.0);
    }

    @Test
    void durationsComeFromTsNotFromThePlayhead() {
        // The playhead says 5 s passed, the device clock says 30 s: 30 s were spent playing.
        MediaMetrics metrics = Timeline.of(600).at(0, "play", 0).at(30_000, "ping", 5).metrics();

        assertThat(metrics.contentTimeSpent()).isEqualTo(30.0);
        assertThat(metrics.uniqueTimePlayed()).isEqualTo(5.0);
    }

    @Test
    void rewatchingCountsTimeSpentTwiceButUniqueTimeOnce() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 0)
                .at(10_000, "pauseStart", 10)  // seek back: Adobe's SDKs send pauseStart while seeking
                .at(11_000, "play", 0)
                .at(21_000, "ping", 10)
                .metrics();

        assertThat(metrics.contentTimeSpent()).isEqualTo(20.0);
        assertThat(metrics.uniqueTimePlayed()).isEqualTo(10.0);
    }

    @Test
    void aJumpOfThePlayheadWhilePlayingCountsOnlyTheTimeElapsedAsUniqueTime() {
        MediaMetrics metrics = Timeline.of(600).at(0, "play", 0).at(10_000, "ping", 300).metrics();

        assertThat(metrics.uniqueTimePlayed()).isEqualTo(10.0);
    }

    @Test
    void adsCountOnlyInsideABreakAndTheirTimeIsNotContent() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 0)
                .at(10_000, "adBreakStart", 10)
                .at(10_001, "adStart", 10)
                .at(25_001, "adComplete", 10)      // ad played 15 s, playhead frozen at 10
                .at(25_002, "adStart", 10)
                .at(30_002, "adSkip", 10)          // second ad skipped after 5 s: no complete
                .at(30_003, "adBreakComplete", 10) // back to playing, as before the break
                .at(40_003, "ping", 20)
                .metrics();

        assertThat(metrics.adStarts()).isEqualTo(2);
        assertThat(metrics.adCount()).isEqualTo(2);
        assertThat(metrics.adCompletes()).isEqualTo(1);
        assertThat(metrics.adTimeSpent()).isEqualTo(20.0);
        assertThat(metrics.contentTimeSpent()).isEqualTo(20.0);
        assertThat(metrics.mediaTimeSpent()).isEqualTo(40.0);
    }

    @Test
    void anAdWithoutItsBreakIsNotTrackedAndItsTimeIsContent() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 0)
                .at(10_000, "adStart", 10)
                .at(25_000, "adComplete", 10)
                .metrics();

        assertThat(metrics.adStarts()).isZero();
        assertThat(metrics.adCompletes()).isZero();
        assertThat(metrics.adTimeSpent()).isZero();
        assertThat(metrics.contentTimeSpent()).isEqualTo(25.0);
    }

    @Test
    void afterABreakThePlayerReturnsToTheStateItHadBeforeIt() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 0)
                .at(10_000, "pauseStart", 10)
                .at(12_000, "adBreakStart", 10)
                .at(12_001, "adStart", 10)
                .at(27_001, "adComplete", 10)
                .at(27_002, "adBreakComplete", 10) // paused again, as before the break
                .at(37_002, "play", 10)
                .metrics();

        assertThat(metrics.pauseTime()).isEqualTo(2.0 + 10.0);
        assertThat(metrics.adTimeSpent()).isEqualTo(15.0);
        assertThat(metrics.pauseCount()).isEqualTo(1);
    }

    @Test
    void aPreRollBeforeTheFirstPlayIsNotAContentStart() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "adBreakStart", 0)
                .at(1, "adStart", 0)
                .at(15_001, "adComplete", 0)
                .at(15_002, "adBreakComplete", 0)
                .metricsAfterExpiry();

        assertThat(metrics.adTimeSpent()).isEqualTo(15.0);
        assertThat(metrics.contentStarts()).isZero();
        assertThat(metrics.dropBeforeStart()).isEqualTo(1);
    }

    @Test
    void sessionCompleteMakesTheContentComplete() {
        assertThat(Timeline.of(60).at(0, "play", 0).at(60_000, "sessionComplete", 60).metrics().contentCompletes())
                .isEqualTo(1);
        assertThat(Timeline.of(60).at(0, "play", 0).at(60_000, "sessionEnd", 60).metrics().contentCompletes())
                .isZero();
    }

    @Test
    void progressMarkersFireOnceWhenThePlayheadFirstPassesTheirShare() {
        MediaMetrics metrics = Timeline.of(100)
                .at(0, "play", 0)
                .at(30_000, "ping", 30)          // 10 % and 25 %
                .at(31_000, "pauseStart", 30)
                .at(32_000, "play", 80)          // a seek forward: 50 % and 75 % fire together
                .at(33_000, "pauseStart", 10)    // back again: nothing fires twice
                .metrics();

        assertThat(metrics).extracting(MediaMetrics::progress10, MediaMetrics::progress25, MediaMetrics::progress50,
                MediaMetrics::progress75, MediaMetrics::progress95).containsExactly(1, 1, 1, 1, 0);
    }

    @Test
    void progressMarkersNeedALength() {
        MediaMetrics metrics = Timeline.of(0).at(0, "play", 0).at(30_000, "ping", 30).metrics();

        assertThat(metrics.progress10()).isZero();
    }

    @Test
    void aStallIsThreeEventsWhilePlayingWithoutThePlayheadMoving() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 10)
                .at(10_000, "ping", 10)
                .at(20_000, "ping", 10)  // third event at 10 while playing: a stall since 0
                .at(30_000, "ping", 12)  // moves again: the stall lasted 30 s
                .at(40_000, "ping", 22)
                .at(50_000, "ping", 22)  // only two: no stall
                .at(60_000, "ping", 32)
                .metrics();

        assertThat(metrics.stallCount()).isEqualTo(1);
        assertThat(metrics.stallTime()).isEqualTo(30.0);
    }

    @Test
    void pausedIsNotStalled() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 10)
                .at(1_000, "pauseStart", 11)
                .at(11_000, "ping", 11)
                .at(21_000, "ping", 11)
                .at(31_000, "ping", 11)
                .metrics();

        assertThat(metrics.stallCount()).isZero();
    }

    @Test
    void qualityOfExperienceComesFromQoeData() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 0, "\"qoeData\":{\"media.qoe.timeToStart\":1500,\"media.qoe.bitrate\":1000000}")
                .at(10_000, "bitrateChange", 10, "\"qoeData\":{\"media.qoe.bitrate\":3000000}")
                .at(20_000, "error", 20, "\"qoeData\":{\"media.qoe.errorID\":\"E1\",\"media.qoe.droppedFrames\":7}")
                .at(30_000, "error", 30, "\"params\":{\"media.errorId\":\"E2\"}")
                .at(40_000, "ping", 40, "\"qoeData\":{\"media.qoe.droppedFrames\":12}")
                .metrics();

        assertThat(metrics.timeToStart()).isEqualTo(1.5);
        assertThat(metrics.bitrateChangeCount()).isEqualTo(1);
        // 1000 kbps for 10 s, 3000 kbps for 30 s of play
        assertThat(metrics.bitrateAverage()).isEqualTo((1000.0 * 10 + 3000.0 * 30) / 40);
        assertThat(metrics.errorCount()).isEqualTo(2);
        assertThat(metrics.droppedFrames()).isEqualTo(12L);
    }

    @Test
    void withoutQoeDataTheQoeMetricsAreAbsent() {
        MediaMetrics metrics = Timeline.of(600).at(0, "play", 0).at(10_000, "ping", 10).metrics();

        assertThat(metrics.bitrateAverage()).isNull();
        assertThat(metrics.timeToStart()).isNull();
        assertThat(metrics.droppedFrames()).isNull();
    }

    @Test
    void chaptersCountStartsCompletesAndTheTimePlayedInside() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 0)
                .at(0, "chapterStart", 0)
                .at(20_000, "chapterComplete", 20)
                .at(20_000, "chapterStart", 20)
                .at(25_000, "pauseStart", 25)   // paused time is not chapter time
                .at(35_000, "play", 25)
                .at(40_000, "chapterSkip", 30)
                .at(50_000, "ping", 40)         // outside any chapter
                .metrics();

        assertThat(metrics.chapterStarts()).isEqualTo(2);
        assertThat(metrics.chapterCount()).isEqualTo(2);
        assertThat(metrics.chapterCompletes()).isEqualTo(1);
        assertThat(metrics.chapterTimeSpent()).isEqualTo(20.0 + 5.0 + 5.0);
        assertThat(metrics.contentTimeSpent()).isEqualTo(40.0);
    }

    @Test
    void playerStatesCountEachStartAndTheirTimeOn() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "stateStart", 0, "\"params\":{\"media.state.name\":\"fullscreen\"}")
                .at(10_000, "stateEnd", 0, "\"params\":{\"media.state.name\":\"fullscreen\"}")
                .at(20_000, "statesUpdate", 0, "\"params\":{\"statesStart\":[{\"media.state.name\":\"fullscreen\"},"
                        + "{\"media.state.name\":\"mute\"}]}")
                .at(25_000, "statesUpdate", 0, "\"params\":{\"statesEnd\":[{\"media.state.name\":\"fullscreen\"}]}")
                .at(30_000, "ping", 0)
                .metrics();

        assertThat(metrics.states()).containsExactly(
                Map.entry("fullscreen", new MediaMetrics.StateMetrics(1, 2, 15.0)),
                Map.entry("mute", new MediaMetrics.StateMetrics(1, 1, 10.0)));
    }

    @Test
    void atMostTenStatesAreKept() {
        Timeline timeline = Timeline.of(600);
        for (int i = 0; i < 12; i++) {
            timeline.at(i * 1_000L, "stateStart", 0, "\"params\":{\"media.state.name\":\"state" + i + "\"}");
        }

        assertThat(timeline.metrics().states()).hasSize(10).containsKeys("state0", "state9")
                .doesNotContainKeys("state10", "state11");
    }

    @Test
    void aSessionClosedWithoutContentPlayIsADropBeforeStart() {
        assertThat(Timeline.of(600).metricsAfterExpiry().dropBeforeStart()).isEqualTo(1);
        assertThat(Timeline.of(600).metrics().dropBeforeStart()).as("still open: not decided").isZero();
        assertThat(Timeline.of(600).at(0, "play", 0).metricsAfterExpiry().dropBeforeStart()).isZero();
    }

    @Test
    void estimatedStreamsCountHalfHoursOfPlay() {
        assertThat(Timeline.of(7200).at(0, "play", 0).at(3_600_000, "ping", 3600).metrics().estimatedStreams())
                .isEqualTo(3);
        assertThat(Timeline.of(7200).metrics().estimatedStreams()).isEqualTo(1);
    }

    @Test
    void eventsCountInTsOrderWhateverOrderTheyArrivedIn() {
        Timeline timeline = Timeline.of(600)
                .at(0, "play", 0)
                .at(10_000, "pauseStart", 10)
                .at(15_000, "play", 10)
                .at(25_000, "ping", 20);

        assertThat(timeline.metricsArrivingReversed()).isEqualTo(timeline.metrics());
    }

    /**
     * A full session: pre-roll break (one ad played, one skipped), content in two chapters with buffering, a
     * bitrate change, a pause, an error and player states, a mid-roll break, then complete and end.
     */
    @Test
    void aFullSession() {
        MediaMetrics metrics = Timeline.of(120)
                .at(1_000, "adBreakStart", 0)
                .at(1_001, "adStart", 0)
                .at(16_001, "adComplete", 0)                     // ad 1: 15 s
                .at(16_002, "adStart", 0)
                .at(21_002, "adSkip", 0)                         // ad 2: 5 s, skipped
                .at(21_003, "adBreakComplete", 0)
                .at(22_000, "play", 0, "\"qoeData\":{\"media.qoe.timeToStart\":997,\"media.qoe.bitrate\":2000000}")
                .at(22_000, "chapterStart", 0)
                .at(32_000, "ping", 10)                          // content 22..32: 10 s
                .at(42_000, "bufferStart", 20)                   // content 32..42: 10 s
                .at(45_000, "play", 20)                          // buffering 3 s
                .at(55_000, "bitrateChange", 30, "\"qoeData\":{\"media.qoe.bitrate\":4000000}") // content 10 s
                .at(65_000, "pauseStart", 40)                    // content 10 s
                .at(75_000, "ping", 40)
                .at(80_000, "play", 40)                          // paused 15 s
                .at(90_000, "stateStart", 50, "\"params\":{\"media.state.name\":\"fullscreen\"}") // content 10 s
                .at(100_000, "error", 60, "\"qoeData\":{\"media.qoe.errorID\":\"E42\"}")            // content 10 s
                .at(110_000, "chapterComplete", 70)              // content 10 s; chapter 1 ends
                .at(110_000, "chapterStart", 70)
                .at(120_000, "adBreakStart", 80)                 // content 10 s
                .at(120_001, "adStart", 80)
                .at(135_001, "adComplete", 80)                   // ad 3: 15 s
                .at(135_002, "adBreakComplete", 80)              // playing again, as before the break
                .at(145_002, "statesUpdate", 90, "\"params\":{\"statesStart\":[{\"media.state.name\":\"mute\"}],"
                        + "\"statesEnd\":[{\"media.state.name\":\"fullscreen\"}]}") // content 10 s
                .at(155_002, "chapterComplete", 100)             // content 10 s
                .at(175_002, "sessionComplete", 120)             // content 20 s
                .at(176_002, "sessionEnd", 120)
                .metrics();

        // Content: 10+10+10+10+10+10+10+10+10+10+20 = 120 s; in chapters all but the last 20 s.
        assertThat(metrics.contentTimeSpent()).isEqualTo(120.0);
        assertThat(metrics.chapterTimeSpent()).isEqualTo(100.0);
        assertThat(metrics.adTimeSpent()).isEqualTo(35.0);
        assertThat(metrics.mediaTimeSpent()).isEqualTo(155.0);
        assertThat(metrics.uniqueTimePlayed()).isEqualTo(120.0);
        assertThat(metrics).extracting(MediaMetrics::mediaStarts, MediaMetrics::contentStarts,
                MediaMetrics::contentCompletes, MediaMetrics::adStarts, MediaMetrics::adCompletes,
                MediaMetrics::adCount, MediaMetrics::chapterStarts, MediaMetrics::chapterCompletes,
                MediaMetrics::chapterCount, MediaMetrics::pauseCount, MediaMetrics::bufferCount,
                MediaMetrics::stallCount, MediaMetrics::errorCount, MediaMetrics::bitrateChangeCount,
                MediaMetrics::dropBeforeStart, MediaMetrics::resumed, MediaMetrics::estimatedStreams)
                .containsExactly(1, 1, 1, 3, 2, 3, 2, 2, 2, 1, 1, 0, 1, 1, 0, 0, 1);
        assertThat(metrics.pauseTime()).isEqualTo(15.0);
        assertThat(metrics.bufferTime()).isEqualTo(3.0);
        assertThat(metrics.timeToStart()).isEqualTo(0.997);
        // 2000 kbps over 22..55 s of play minus buffering (30 s) and over ad 3? No: the bitrate counts over all play
        // after it is known: content 22..42 (20 s) + 45..55 (10 s) at 2000; then 4000 over content 55..65 (10),
        // 80..120 (40), ad 3 (15), 135..175 (40): 105 s.
        assertThat(metrics.bitrateAverage()).isCloseTo((2000.0 * 30 + 4000.0 * 105) / 135, within(0.001));
        assertThat(metrics).extracting(MediaMetrics::progress10, MediaMetrics::progress25, MediaMetrics::progress50,
                MediaMetrics::progress75, MediaMetrics::progress95).containsExactly(1, 1, 1, 1, 1);
        assertThat(metrics.states()).containsExactly(
                Map.entry("fullscreen", new MediaMetrics.StateMetrics(1, 1, 55.002)),
                Map.entry("mute", new MediaMetrics.StateMetrics(1, 1, 31.0)));
    }
}
