package dev.mediacollection.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mediacollection.metrics.MediaMetrics.Core;
import dev.mediacollection.metrics.MediaMetrics.PlayerStates;
import dev.mediacollection.metrics.MediaMetrics.Quality;
import dev.mediacollection.metrics.MediaMetrics.StateMetrics;

/**
 * Each rule of docs/metrics.md on a session small enough to compute by hand (times in ms after the sessionStart),
 * then a whole session.
 */
class MetricsCalculatorTest {

    private static final String QOE = "\"qoeData\":";

    private static String state(String name) {
        return "\"params\":{\"media.state.name\":\"" + name + "\"}";
    }

    // --- Media starts, content starts, completes, resumes -----------------------------------------------------------

    @Test
    void aSessionIsAMediaStartUnlessItResumesAnother() {
        assertThat(Timeline.of(60).metrics().core()).extracting(Core::mediaStarts, Core::contentResumes)
                .containsExactly(1, 0);
        assertThat(Timeline.of(60).resumed().metrics().core()).extracting(Core::mediaStarts, Core::contentResumes)
                .containsExactly(0, 1);
    }

    @Test
    void aPreRollBeforeTheFirstPlayIsNotAContentStart() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "adBreakStart", 0)
                .at(1, "adStart", 0)
                .at(15_001, "adComplete", 0)
                .at(15_002, "adBreakComplete", 0)
                .metricsAfterExpiry();

        assertThat(metrics.ads().adTimeSpent()).isEqualTo(15.0);
        assertThat(metrics.core().contentStarts()).isZero();
        assertThat(metrics.quality().dropsBeforeStart()).isEqualTo(1);
    }

    @Test
    void sessionCompleteMakesTheContentComplete() {
        assertThat(Timeline.of(60).at(0, "play", 0).at(60_000, "sessionComplete", 60).metrics().core()
                .contentCompletes()).isEqualTo(1);
        assertThat(Timeline.of(60).at(0, "play", 0).at(60_000, "sessionEnd", 60).metrics().core()
                .contentCompletes()).isZero();
    }

    @Test
    void aSessionClosedWithoutContentPlayIsADropBeforeStart() {
        assertThat(Timeline.of(600).metricsAfterExpiry().quality().dropsBeforeStart()).isEqualTo(1);
        assertThat(Timeline.of(600).metrics().quality().dropsBeforeStart()).as("still open: not decided").isZero();
        assertThat(Timeline.of(600).at(0, "play", 0).metricsAfterExpiry().quality().dropsBeforeStart()).isZero();
    }

    @Test
    void aSessionIsAuthorizedWhenItsStartSaysTrue() {
        assertThat(Timeline.of(60).startParam("media.pass.auth", "TRUE").metrics().core().authorized()).isEqualTo(1);
        assertThat(Timeline.of(60).startParam("media.pass.auth", "false").metrics().core().authorized()).isZero();
        assertThat(Timeline.of(60).metrics().core().authorized()).isZero();
    }

    // --- Time spent -------------------------------------------------------------------------------------------------

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

        assertThat(metrics.core().contentStarts()).isEqualTo(1);
        assertThat(metrics.core().contentTimeSpent()).isEqualTo(40.0);
        assertThat(metrics.core().mediaTimeSpent()).isEqualTo(40.0);
        assertThat(metrics.core().pauseEvents()).isEqualTo(1);
        assertThat(metrics.core().totalPauseDuration()).isEqualTo(15.0);
        assertThat(metrics.quality().bufferEvents()).isEqualTo(1);
        assertThat(metrics.quality().totalBufferDuration()).isEqualTo(2.0);
        assertThat(metrics.core().uniqueTimePlayed()).isEqualTo(40.0);
    }

    @Test
    void durationsComeFromTsNotFromThePlayhead() {
        // The playhead says 5 s passed, the device clock says 30 s: 30 s were spent playing.
        MediaMetrics metrics = Timeline.of(600).at(0, "play", 0).at(30_000, "ping", 5).metrics();

        assertThat(metrics.core().contentTimeSpent()).isEqualTo(30.0);
        assertThat(metrics.core().uniqueTimePlayed()).isEqualTo(5.0);
    }

    @Test
    void rewatchingCountsTimeSpentTwiceButUniqueTimeOnce() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 0)
                .at(10_000, "pauseStart", 10)  // seek back: Adobe's SDKs send pauseStart while seeking
                .at(11_000, "play", 0)
                .at(21_000, "ping", 10)
                .metrics();

        assertThat(metrics.core().contentTimeSpent()).isEqualTo(20.0);
        assertThat(metrics.core().uniqueTimePlayed()).isEqualTo(10.0);
    }

    @Test
    void aJumpOfThePlayheadWhilePlayingCountsOnlyTheTimeElapsedAsUniqueTime() {
        MediaMetrics metrics = Timeline.of(600).at(0, "play", 0).at(10_000, "ping", 300).metrics();

        assertThat(metrics.core().uniqueTimePlayed()).isEqualTo(10.0);
    }

    @Test
    void averageMinuteAudienceIsContentTimeSpentOverTheContentLength() {
        assertThat(Timeline.of(600).at(0, "play", 0).at(60_000, "ping", 60).metrics().core()
                .averageMinuteAudience()).isEqualTo(0.1);
        assertThat(Timeline.of(0).at(0, "play", 0).at(60_000, "ping", 60).metrics().core()
                .averageMinuteAudience()).as("no length, no audience").isNull();
    }

    @Test
    void contentSegmentViewsCountTheFiveMinuteSegmentsPlayedIn() {
        MediaMetrics metrics = Timeline.of(3600)
                .at(0, "play", 0)
                .at(12_000, "pauseStart", 12)   // segment 0: [0, 300)
                .at(13_000, "play", 295)        // sought while paused
                .at(23_000, "ping", 305)        // 295..305: segments 0 and 1
                .at(24_000, "pauseStart", 306)
                .at(25_000, "play", 1000)       // sought past segment 2
                .at(35_000, "ping", 1010)       // segment 3: [900, 1200)
                .metrics();

        assertThat(metrics.core().contentSegmentViews()).isEqualTo(3);
        assertThat(metrics.core().uniqueTimePlayed()).isEqualTo(12.0 + 10.0 + 1.0 + 10.0);
        assertThat(Timeline.of(3600).at(0, "play", 0).metrics().core().contentSegmentViews())
                .as("a play with no time after it").isZero();
    }

    @Test
    void contentSegmentViewsTakeAnyPlayhead() {
        // Far beyond any content: counted from the played range's bounds, not segment by segment from 0.
        MediaMetrics metrics = Timeline.of(600).at(0, "play", 1e15).at(10_000, "ping", 1e15 + 10).metrics();

        assertThat(metrics.core().contentSegmentViews()).isEqualTo(1);
    }

    @Test
    void estimatedStreamsCountHalfHoursOfPlay() {
        assertThat(Timeline.of(7200).at(0, "play", 0).at(3_600_000, "ping", 3600).metrics().core()
                .estimatedStreams()).isEqualTo(3);
        assertThat(Timeline.of(7200).metrics().core().estimatedStreams()).isEqualTo(1);
    }

    // --- Ads and chapters -------------------------------------------------------------------------------------------

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

        assertThat(metrics.ads()).isEqualTo(new MediaMetrics.Ads(2, 1, 20.0, 2));
        assertThat(metrics.core().contentTimeSpent()).isEqualTo(20.0);
        assertThat(metrics.core().mediaTimeSpent()).isEqualTo(40.0);
    }

    @Test
    void anAdWithoutItsBreakIsNotTrackedAndItsTimeIsContent() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 0)
                .at(10_000, "adStart", 10)
                .at(25_000, "adComplete", 10)
                .metrics();

        assertThat(metrics.ads()).isEqualTo(new MediaMetrics.Ads(0, 0, 0.0, 0));
        assertThat(metrics.core().contentTimeSpent()).isEqualTo(25.0);
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

        assertThat(metrics.core().totalPauseDuration()).isEqualTo(2.0 + 10.0);
        assertThat(metrics.ads().adTimeSpent()).isEqualTo(15.0);
        assertThat(metrics.core().pauseEvents()).isEqualTo(1);
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

        assertThat(metrics.chapters()).isEqualTo(new MediaMetrics.Chapters(2, 1, 20.0 + 5.0 + 5.0, 2));
        assertThat(metrics.core().contentTimeSpent()).isEqualTo(40.0);
    }

    // --- Progress markers -------------------------------------------------------------------------------------------

    @Test
    void progressMarkersFireOnceWhenThePlayheadFirstPassesTheirShare() {
        MediaMetrics metrics = Timeline.of(100)
                .at(0, "play", 0)
                .at(30_000, "ping", 30)          // 10 % and 25 %
                .at(31_000, "pauseStart", 30)
                .at(32_000, "play", 80)          // a seek forward: 50 % and 75 % fire together
                .at(33_000, "pauseStart", 10)    // back again: nothing fires twice
                .metrics();

        assertThat(progress(metrics)).containsExactly(1, 1, 1, 1, 0);
    }

    @Test
    void progressCountsThePlayheadOfEveryEventOnceContentStarted() {
        Timeline timeline = Timeline.of(100)
                .at(0, "ping", 30)               // before content starts: no progress
                .at(1_000, "play", 0);
        assertThat(progress(timeline.metrics())).containsExactly(0, 0, 0, 0, 0);

        timeline.at(2_000, "pauseStart", 1)
                .at(3_000, "ping", 60);          // scrubbed to 60 % while paused
        assertThat(progress(timeline.metrics())).containsExactly(1, 1, 1, 0, 0);
    }

    @Test
    void progressMarkersNeedALength() {
        MediaMetrics metrics = Timeline.of(0).at(0, "play", 0).at(30_000, "ping", 30).metrics();

        assertThat(metrics.core().progress10()).isZero();
    }

    private static Object[] progress(MediaMetrics metrics) {
        Core core = metrics.core();
        return new Object[] { core.progress10(), core.progress25(), core.progress50(), core.progress75(),
            core.progress95() };
    }

    // --- Stalls -----------------------------------------------------------------------------------------------------

    @Test
    void aStallIsThreeEventsWhilePlayingWithoutThePlayheadMovingAndItsTimeIsNotTimePlayed() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 10)
                .at(0, "chapterStart", 10)
                .at(10_000, "ping", 10)
                .at(20_000, "ping", 10)  // third event at 10 while playing: stalled from 0 s
                .at(30_000, "ping", 20)  // moving again: stalled 0..20 s, played 20..30 s
                .at(40_000, "ping", 30)
                .at(50_000, "ping", 30)  // only two: no stall
                .at(60_000, "ping", 40)
                .metrics();

        assertThat(metrics.quality().stallEvents()).isEqualTo(1);
        assertThat(metrics.quality().totalStallingDuration()).isEqualTo(20.0);
        assertThat(metrics.core().contentTimeSpent()).isEqualTo(40.0);
        assertThat(metrics.core().mediaTimeSpent()).isEqualTo(40.0);
        assertThat(metrics.chapters().chapterTimeSpent()).isEqualTo(40.0);
        assertThat(metrics.core().uniqueTimePlayed()).isEqualTo(30.0);
    }

    @Test
    void eventsLessThanASecondApartAreOneSignOfAFrozenPlayhead() {
        MediaMetrics started = Timeline.of(600)
                .at(0, "play", 0)
                .at(1, "chapterStart", 0)
                .at(500, "stateStart", 0, state("mute"))
                .at(10_000, "ping", 10)
                .metrics();
        MediaMetrics frozen = Timeline.of(600)
                .at(0, "play", 0)
                .at(10_000, "ping", 0)
                .at(20_000, "ping", 0)
                .at(30_000, "ping", 10)
                .metrics();

        assertThat(started.quality().stallEvents()).isZero();
        assertThat(started.core().contentTimeSpent()).isEqualTo(10.0);
        assertThat(frozen.quality().stallEvents()).isEqualTo(1);
        assertThat(frozen.core().contentTimeSpent()).isEqualTo(10.0);
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

        assertThat(metrics.quality().stallEvents()).isZero();
    }

    // --- Quality of experience --------------------------------------------------------------------------------------

    @Test
    void qualityOfExperienceComesFromQoeData() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 0, QOE + "{\"media.qoe.timeToStart\":1500,\"media.qoe.bitrate\":1000000}")
                .at(10_000, "bitrateChange", 10, QOE + "{\"media.qoe.bitrate\":3000000}")
                .at(20_000, "error", 20, QOE + "{\"media.qoe.errorID\":\"E1\",\"media.qoe.droppedFrames\":7}")
                .at(30_000, "error", 30, "\"params\":{\"media.errorId\":\"E2\"}")
                .at(40_000, "ping", 40, QOE + "{\"media.qoe.droppedFrames\":12,\"media.qoe.timeToStart\":900}")
                .metrics();

        assertThat(metrics.quality().timeToStart()).as("the first reported").isEqualTo(1.5);
        assertThat(metrics.quality().bitrateChanges()).isEqualTo(1);
        // 1000 kbps for 10 s, 3000 kbps for 30 s of play
        assertThat(metrics.quality().averageBitrate()).isEqualTo((1000.0 * 10 + 3000.0 * 30) / 40);
        assertThat(metrics.quality().errorEvents()).isEqualTo(2);
        assertThat(metrics.quality().droppedFrames()).isEqualTo(12L);
    }

    @Test
    void droppedFramesAreTheLatestValueReportedNotTheHighest() {
        MediaMetrics dropped = Timeline.of(600)
                .at(0, "play", 0, QOE + "{\"media.qoe.droppedFrames\":7}")
                .at(10_000, "ping", 10, QOE + "{\"media.qoe.droppedFrames\":12}")
                .at(20_000, "ping", 20, QOE + "{\"media.qoe.droppedFrames\":9}")
                .metrics();
        MediaMetrics recovered = Timeline.of(600)
                .at(0, "play", 0, QOE + "{\"media.qoe.droppedFrames\":7}")
                .at(10_000, "ping", 10, QOE + "{\"media.qoe.droppedFrames\":0}")
                .metrics();

        assertThat(dropped.quality()).extracting(Quality::droppedFrames, Quality::droppedFrameImpactedStreams)
                .containsExactly(9L, 1);
        assertThat(recovered.quality()).extracting(Quality::droppedFrames, Quality::droppedFrameImpactedStreams)
                .containsExactly(0L, 0);
    }

    @Test
    void withoutQoeDataTheQoeMetricsAreAbsent() {
        MediaMetrics metrics = Timeline.of(600).at(0, "play", 0).at(10_000, "ping", 10).metrics();

        assertThat(metrics.quality().averageBitrate()).isNull();
        assertThat(metrics.quality().timeToStart()).isNull();
        assertThat(metrics.quality().droppedFrames()).isNull();
        assertThat(metrics.quality().droppedFrameImpactedStreams()).isZero();
    }

    @Test
    void impactedStreamsAreOnePerSessionWhateverHowManyEvents() {
        MediaMetrics impacted = Timeline.of(600)
                .at(0, "play", 0)
                .at(5_000, "pauseStart", 5)
                .at(6_000, "play", 5)
                .at(10_000, "bufferStart", 9)
                .at(11_000, "play", 9)
                .at(15_000, "pauseStart", 13)
                .at(16_000, "play", 13)
                .at(20_000, "bufferStart", 17)
                .at(21_000, "play", 17)
                .at(25_000, "error", 21)
                .at(26_000, "error", 22)
                .at(30_000, "bitrateChange", 26, QOE + "{\"media.qoe.bitrate\":2000000}")
                .at(35_000, "bitrateChange", 31, QOE + "{\"media.qoe.bitrate\":4000000}")
                .metrics();
        MediaMetrics clean = Timeline.of(600).at(0, "play", 0).at(10_000, "ping", 10).metrics();

        assertThat(impacted).extracting(m -> m.core().pauseEvents(), m -> m.quality().bufferEvents(),
                m -> m.quality().errorEvents(), m -> m.quality().bitrateChanges()).containsExactly(2, 2, 2, 2);
        assertThat(impacted).extracting(m -> m.core().pausedImpactedStreams(),
                m -> m.quality().bufferImpactedStreams(), m -> m.quality().errorImpactedStreams(),
                m -> m.quality().bitrateChangeImpactedStreams()).containsExactly(1, 1, 1, 1);
        assertThat(clean).extracting(m -> m.core().pausedImpactedStreams(),
                m -> m.quality().bufferImpactedStreams(), m -> m.quality().errorImpactedStreams(),
                m -> m.quality().bitrateChangeImpactedStreams(), m -> m.quality().stallImpactedStreams(),
                m -> m.quality().droppedFrameImpactedStreams()).containsOnly(0);
    }

    @Test
    void aStallImpactsTheStream() {
        MediaMetrics metrics = Timeline.of(600)
                .at(0, "play", 0).at(10_000, "ping", 0).at(20_000, "ping", 0)
                .at(30_000, "ping", 10).at(40_000, "ping", 10).at(50_000, "ping", 10)
                .metrics();

        assertThat(metrics.quality()).extracting(Quality::stallEvents, Quality::stallImpactedStreams)
                .containsExactly(2, 1);
    }

    // --- Player states ----------------------------------------------------------------------------------------------

    @Test
    void theStandardPlayerStatesHaveTheirOwnMetrics() {
        PlayerStates states = Timeline.of(600)
                .at(0, "stateStart", 0, state("mute"))
                .at(10_000, "stateEnd", 0, state("mute"))
                .at(20_000, "statesUpdate", 0, "\"params\":{\"statesStart\":[{\"media.state.name\":\"fullScreen\"},"
                        + "{\"media.state.name\":\"closedCaptioning\"},{\"media.state.name\":\"mute\"}]}")
                .at(25_000, "statesUpdate", 0, "\"params\":{\"statesEnd\":[{\"media.state.name\":\"fullscreen\"}]}")
                .at(30_000, "stateStart", 0, state("inFocus"))
                .at(40_000, "stateStart", 0, state("pictureInPicture"))
                .at(45_000, "stateStart", 0, state("myState"))
                .at(50_000, "ping", 0)
                .metrics().playerStates();

        assertThat(states).extracting(PlayerStates::muteCount, PlayerStates::muteStreamsImpacted,
                PlayerStates::muteTotalDuration).containsExactly(2, 1, 10.0 + 30.0);
        assertThat(states).extracting(PlayerStates::fullScreenCount, PlayerStates::fullScreenStreamsImpacted,
                PlayerStates::fullScreenTotalDuration).containsExactly(1, 1, 5.0);
        assertThat(states).extracting(PlayerStates::closedCaptioningCount,
                PlayerStates::closedCaptioningStreamsImpacted, PlayerStates::closedCaptioningTotalDuration)
                .containsExactly(1, 1, 30.0);
        assertThat(states).extracting(PlayerStates::inFocusCount, PlayerStates::inFocusStreamsImpacted,
                PlayerStates::inFocusTotalDuration).containsExactly(1, 1, 20.0);
        assertThat(states).extracting(PlayerStates::pictureInPictureCount,
                PlayerStates::pictureInPictureStreamsImpacted, PlayerStates::pictureInPictureTotalDuration)
                .containsExactly(1, 1, 10.0);
        assertThat(states.states()).containsExactly(
                Map.entry("mute", new StateMetrics(1, 2, 40.0)),
                Map.entry("fullscreen", new StateMetrics(1, 1, 5.0)),
                Map.entry("closedcaptioning", new StateMetrics(1, 1, 30.0)),
                Map.entry("infocus", new StateMetrics(1, 1, 20.0)),
                Map.entry("pictureinpicture", new StateMetrics(1, 1, 10.0)),
                Map.entry("mystate", new StateMetrics(1, 1, 5.0)));
    }

    @Test
    void aStateNeverTurnedOnIsZeroInEveryMetric() {
        PlayerStates states = Timeline.of(600).at(0, "play", 0).metrics().playerStates();

        assertThat(states).isEqualTo(new PlayerStates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of()));
    }

    @Test
    void atMostTenStatesAreKept() {
        Timeline timeline = Timeline.of(600);
        for (int i = 0; i < 12; i++) {
            timeline.at(i * 1_000L, "stateStart", 0, state("state" + i));
        }

        assertThat(timeline.metrics().playerStates().states()).hasSize(10).containsKeys("state0", "state9")
                .doesNotContainKeys("state10", "state11");
    }

    // --- Open and final -----------------------------------------------------------------------------------------

    @Test
    void anOpenSessionsMetricsGoUpToItsLastEventAndSaySo() {
        Timeline timeline = Timeline.of(600).at(0, "play", 0).at(10_000, "ping", 10);
        MediaMetrics open = timeline.metrics();
        assertThat(open.isFinal()).isFalse();
        assertThat(open.computedUpTo()).isEqualTo(Timeline.T0 + 10_000);
        assertThat(open.core().contentTimeSpent()).as("nothing counts after the last event").isEqualTo(10.0);

        timeline.at(20_000, "sessionComplete", 20);
        assertThat(timeline.metrics()).as("complete, but still taking events")
                .extracting(MediaMetrics::isFinal, MediaMetrics::computedUpTo)
                .containsExactly(false, Timeline.T0 + 20_000);

        timeline.at(21_000, "sessionEnd", 20);
        assertThat(timeline.metrics()).extracting(MediaMetrics::isFinal, MediaMetrics::computedUpTo)
                .containsExactly(true, Timeline.T0 + 21_000);
    }

    @Test
    void anExpiredSessionsMetricsAreFinal() {
        MediaMetrics metrics = Timeline.of(600).at(0, "play", 0).at(10_000, "ping", 10).metricsAfterExpiry();

        assertThat(metrics).extracting(MediaMetrics::isFinal, MediaMetrics::computedUpTo)
                .containsExactly(true, Timeline.T0 + 10_000);
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

    // --- A whole session --------------------------------------------------------------------------------------------

    /**
     * A full session: pre-roll break (one ad played, one skipped), content in two chapters with buffering, a
     * bitrate change, a pause, an error and player states, a mid-roll break, then complete and end.
     */
    @Test
    void aFullSession() {
        MediaMetrics metrics = Timeline.of(120)
                .startParam("media.pass.auth", "TRUE")
                .at(1_000, "adBreakStart", 0)
                .at(1_001, "adStart", 0)
                .at(16_001, "adComplete", 0)                     // ad 1: 15 s
                .at(16_002, "adStart", 0)
                .at(21_002, "adSkip", 0)                         // ad 2: 5 s, skipped
                .at(21_003, "adBreakComplete", 0)
                .at(22_000, "play", 0, QOE + "{\"media.qoe.timeToStart\":997,\"media.qoe.bitrate\":2000000}")
                .at(22_000, "chapterStart", 0)
                .at(32_000, "ping", 10)                          // content 22..32: 10 s
                .at(42_000, "bufferStart", 20)                   // content 32..42: 10 s
                .at(45_000, "play", 20)                          // buffering 3 s
                .at(55_000, "bitrateChange", 30, QOE + "{\"media.qoe.bitrate\":4000000}") // content 10 s
                .at(65_000, "pauseStart", 40)                    // content 10 s
                .at(75_000, "ping", 40)
                .at(80_000, "play", 40)                          // paused 15 s
                .at(90_000, "stateStart", 50, state("fullscreen")) // content 10 s
                .at(100_000, "error", 60, QOE + "{\"media.qoe.errorID\":\"E42\"}")            // content 10 s
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
        Core core = metrics.core();
        assertThat(core.contentTimeSpent()).isEqualTo(120.0);
        assertThat(core.mediaTimeSpent()).isEqualTo(155.0);
        assertThat(core.uniqueTimePlayed()).isEqualTo(120.0);
        assertThat(core.averageMinuteAudience()).isEqualTo(1.0);
        assertThat(core.totalPauseDuration()).isEqualTo(15.0);
        assertThat(core).extracting(Core::mediaStarts, Core::contentResumes, Core::contentStarts,
                Core::contentCompletes, Core::contentSegmentViews, Core::estimatedStreams, Core::pauseEvents,
                Core::pausedImpactedStreams, Core::authorized).containsExactly(1, 0, 1, 1, 1, 1, 1, 1, 1);
        assertThat(progress(metrics)).containsExactly(1, 1, 1, 1, 1);
        assertThat(metrics.ads()).isEqualTo(new MediaMetrics.Ads(3, 2, 35.0, 3));
        assertThat(metrics.chapters()).isEqualTo(new MediaMetrics.Chapters(2, 2, 100.0, 2));
        Quality quality = metrics.quality();
        assertThat(quality).extracting(Quality::dropsBeforeStart, Quality::bufferEvents,
                Quality::bufferImpactedStreams, Quality::stallEvents, Quality::stallImpactedStreams,
                Quality::errorEvents, Quality::errorImpactedStreams, Quality::bitrateChanges,
                Quality::bitrateChangeImpactedStreams, Quality::droppedFrameImpactedStreams)
                .containsExactly(0, 1, 1, 0, 0, 1, 1, 1, 1, 0);
        assertThat(quality.totalBufferDuration()).isEqualTo(3.0);
        assertThat(quality.totalStallingDuration()).isZero();
        assertThat(quality.timeToStart()).isEqualTo(0.997);
        // 2000 kbps over content 22..42 (20 s) and 45..55 (10 s); 4000 kbps over content 55..65 (10), 80..120 (40),
        // ad 3 (15) and 135..175 (40): 105 s.
        assertThat(quality.averageBitrate()).isCloseTo((2000.0 * 30 + 4000.0 * 105) / 135, within(0.001));
        assertThat(metrics.playerStates().states()).containsExactly(
                Map.entry("fullscreen", new StateMetrics(1, 1, 55.002)),
                Map.entry("mute", new StateMetrics(1, 1, 31.0)));
        assertThat(metrics).extracting(MediaMetrics::isFinal, MediaMetrics::computedUpTo)
                .containsExactly(true, Timeline.T0 + 176_002);
    }
}
