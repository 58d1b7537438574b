package dev.mediacollection.lint;

import static dev.mediacollection.lint.Lint.breaks;
import static dev.mediacollection.lint.Lint.passes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/lint.md, "Session lifecycle and timeouts": each rule on a session that breaks it and one that does not. */
class LifecycleRulesTest {

    @Test
    void eventAfterSessionCompleteIsPlaybackAfterTheEnd() {
        LintFinding finding = breaks("sessionStart@0 play@0 ping@10/10 sessionComplete@12/12 play@13/0 ping@23/10",
                "event-after-session-complete", 3, 4);

        assertThat(finding.message()).startsWith("Event #4 (play) comes after sessionComplete #3.");
        passes("sessionStart@0 play@0 ping@10/10 sessionComplete@12/12 ping@13/12 sessionEnd@14/12");
    }

    @Test
    void aSecondSessionEndIsNoMistake() {
        passes("sessionStart@0 play@0 ping@10/10 sessionEnd@12/12 sessionEnd@12/12");
    }

    @Test
    void sessionNotEndedIsAnIdleExpiryWhilePlaying() {
        breaks("sessionStart@0 play@0 ping@10/10 ping@20/20 expire=idle", "session-not-ended", 3);
        passes("sessionStart@0 play@0 ping@10/10 ping@20/20 sessionEnd@25/25");
        passes("sessionStart@0 play@0 ping@10/10 ping@20/20 sessionComplete@25/25 expire=idle");
        passes("sessionStart@0 play@0 ping@10/10 ping@20/20 pauseStart@22/22 ping@32/22 expire=idle");
    }

    @Test
    void sessionNotEndedAfterAnErrorSaysToEndAfterErrors() {
        LintFinding finding = breaks("sessionStart@0 play@0 ping@10/10 error@12/12 expire=idle",
                "session-not-ended", 3);

        assertThat(finding.message()).endsWith("After an error that stops playback, send sessionEnd.");
    }

    @Test
    void sessionStalledTimeoutIsAnExpiryWithoutPlayheadMovement() {
        StringBuilder paused = new StringBuilder("sessionStart@0 play@0 ping@10/10 pauseStart@12/12");
        for (int second = 22; second <= 1812; second += 10) {
            paused.append(" ping@").append(second).append("/12");
        }

        LintFinding finding = breaks(paused + " expire=stalled", "session-stalled-timeout", 3, 183);
        assertThat(finding.message()).startsWith("The playhead has not moved since #3 (pauseStart) (up to #183 (ping))");
        passes(paused.substring(0, paused.indexOf(" ping@622")) + " play@615/12 ping@625/22 sessionEnd@630/27");
    }
}
