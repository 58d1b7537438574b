package dev.mediacollection.lint;

import static dev.mediacollection.lint.Lint.breaks;
import static dev.mediacollection.lint.Lint.passes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * docs/lint.md, "Playback state and playhead" and "Live streams": each rule on a session that breaks it and one
 * that does not.
 */
class PlaybackRulesTest {

    @Test
    void bufferStartWhileBufferingIsASecondBufferStartWithoutPlay() {
        breaks("sessionStart@0 play@0 ping@10/10 bufferStart@12/12 bufferStart@15/12 play@18/12 ping@28/22"
                + " sessionEnd@29/23", "buffer-start-while-buffering", 3, 4);
        passes("sessionStart@0 play@0 ping@10/10 bufferStart@12/12 play@18/12 ping@28/22 sessionEnd@29/23");
    }

    @Test
    void aSecondPlayOrPauseStartIsNoMistake() {
        passes("sessionStart@0 play@0 play@1/1 ping@11/11 pauseStart@12/12 pauseStart@13/12 play@15/12 ping@25/22"
                + " sessionEnd@26/23");
    }

    @Test
    void playheadAdvancesWithoutPlayIsContentPlayingWhilePaused() {
        LintFinding finding = breaks("sessionStart@0 play@0 ping@10/10 pauseStart@12/12 ping@22/22 ping@32/32"
                + " sessionEnd@33/33", "playhead-advances-without-play", 3, 4);

        assertThat(finding.message()).startsWith("The playhead moved 10 s in 10.0 s after pauseStart #3 without a"
                + " play (#3 (pauseStart) → #4 (ping)) (2 such stretches in this session).");
        passes("sessionStart@0 play@0 ping@10/10 pauseStart@12/12 play@15/12 ping@25/22 sessionEnd@26/23");
    }

    @Test
    void playheadAdvancesWithoutPlayIsAlsoContentPlayingBeforeAnyPlay() {
        LintFinding finding = breaks("sessionStart@0 ping@10/10 ping@20/20 sessionEnd@21/21",
                "playhead-advances-without-play", 0, 1);

        assertThat(finding.message()).contains("before any play");
    }

    @Test
    void aSeekWhilePausedIsNotPlaying() {
        passes("sessionStart@0 play@0 ping@10/10 pauseStart@12/12 ping@22/300 play@25/300 ping@35/310"
                + " sessionEnd@36/311");
    }

    @Test
    void playheadNotAdvancingIsAFrozenPlayheadWhilePlaying() {
        LintFinding finding = breaks("sessionStart@0 play@0 ping@10 ping@20 ping@30 ping@40 sessionEnd@41",
                "playhead-not-advancing", 1, 6);

        assertThat(finding.message()).startsWith("While playing, the playhead stayed at 0 from #1 (play) to"
                + " #6 (sessionEnd) (41.0 s).");
        passes("sessionStart@0 play@0 ping@10/10 ping@20/20 ping@30/30 ping@40/40 sessionEnd@41/41");
    }

    @Test
    void aFrozenPlayheadWhilePausedOrInAnAdIsNoStall() {
        passes("sessionStart@0 play@0 ping@10/10 pauseStart@12/12 ping@22/12 ping@32/12 ping@42/12 play@45/12"
                + " ping@55/22 sessionEnd@56/23");
        passes("sessionStart@0 adBreakStart@0 adStart@0 ping@10 ping@20 ping@30 adComplete@35 adBreakComplete@35"
                + " play@35 ping@45/10 sessionEnd@46/11");
    }

    @Test
    void livePlayheadNotAdvancingIsAFrozenLivePlayhead() {
        LintFinding finding = breaks("live sessionStart@0/32400 play@0/32400 ping@10/32400 ping@20/32400"
                + " ping@30/32400 ping@40/32400", "live-playhead-not-advancing", 1, 5);

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        passes("live sessionStart@0/32400 play@0/32400 ping@10/32410 ping@20/32420 ping@30/32430 ping@40/32440");
    }

    @Test
    void livePlayheadNotTimeOfDayIsFarFromTheUtcSecondOfTheDay() {
        LintFinding finding = breaks("live sessionStart@0/0 play@0/0 ping@10/10 ping@20/20",
                "live-playhead-not-time-of-day", 1);

        assertThat(finding.message()).startsWith("Live event #1 (play) reports playhead 0 while its ts is 09:00"
                + " UTC (second 32400 of the day).");
        passes("live sessionStart@0/32400 play@0/32400 ping@10/32410 ping@20/32420");
    }

    @Test
    void aLivePlayheadIsCheckedRoundTheClock() {
        // 09:00 UTC and second 86000 (23:53) are 9 hours apart one way and 15 the other: far.
        breaks("live sessionStart@0/86000 play@0/86000 ping@10/86010", "live-playhead-not-time-of-day", 1);
        // 23:59:55 and second 5 (00:00:05) are 10 s apart across midnight: near.
        long beforeMidnight = 86_400 - 32_400 - 5;
        passes("live sessionStart@" + beforeMidnight + "/86395 play@" + beforeMidnight + "/86395 ping@"
                + (beforeMidnight + 10) + "/5 ping@" + (beforeMidnight + 20) + "/15");
    }

    @Test
    void playheadOutOfRangeIsBeyondTheContentsLength() {
        LintFinding finding = breaks("sessionStart@0[media.length=60] play@0 ping@10/10000 sessionEnd@11/11000",
                "playhead-out-of-range", 2);

        assertThat(finding.message()).startsWith("Event #2 (ping) reports playhead 10000 but the content is 60 s"
                + " long (media.length).");
        passes("sessionStart@0[media.length=60] play@0 ping@10/10 sessionEnd@11/11");
        breaks("live sessionStart@0/32400 play@0/32400 ping@10/90000", "playhead-out-of-range", 2);
    }
}
