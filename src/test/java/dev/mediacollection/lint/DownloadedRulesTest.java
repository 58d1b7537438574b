package dev.mediacollection.lint;

import static dev.mediacollection.lint.Lint.breaks;
import static dev.mediacollection.lint.Lint.passes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

/** docs/lint.md, "Downloaded sessions": each rule on a session that breaks it and one that does not. */
class DownloadedRulesTest {

    @Test
    void downloadedOutOfOrderIsAnElementStampedBeforeThePreviousOne() {
        breaks("downloaded sessionStart@0 play@5 ping@55/50 pauseStart@52/47 play@60/47 sessionEnd@62/49",
                "downloaded-out-of-order", 2, 3);
        passes("downloaded sessionStart@0 play@5 pauseStart@52/47 ping@55/47 play@60/47 sessionEnd@62/49");
    }

    @Test
    void anOnlineSessionArrivingOutOfOrderIsNoDownloadedMistake() {
        assertThat(Lint.rules("sessionStart@0 play@5 ping@15/10 pauseStart@12/7 play@20/7 ping@30/17"
                + " sessionEnd@31/18")).doesNotContain("downloaded-out-of-order");
    }

    @Test
    void downloadedNotEndedEndsWithoutSessionEndOrComplete() {
        breaks("downloaded sessionStart@0 play@5 ping@55/50", "downloaded-not-ended", 2);
        passes("downloaded sessionStart@0 play@5 ping@55/50 sessionComplete@60/55");
    }

    @Test
    void downloadedTimeoutGapIsWhereAdobeWouldHaveClosedAnOnlineSession() {
        assertThat(Lint.findings("downloaded sessionStart@0 play@0 ping@50/50 pauseStart@60/60 ping@2000/60"
                + " play@2100/60 ping@2150/110 sessionEnd@2160/120"))
                .extracting(LintFinding::rule, LintFinding::events)
                .containsExactly(
                        tuple("downloaded-timeout-gap", List.of(3L, 4L)), tuple("ping-gap", List.of(3L, 4L)));

        StringBuilder paused = new StringBuilder("downloaded sessionStart@0 play@0 ping@50/50 pauseStart@60/60");
        for (int second = 110; second <= 1060; second += 50) {
            paused.append(" ping@").append(second).append("/60");
        }
        passes(paused + " play@1100/60 ping@1150/110 sessionEnd@1160/120");
    }

    @Test
    void downloadedTimeoutGapIsAlsoThirtyMinutesWithoutPlayheadMovement() {
        StringBuilder paused = new StringBuilder("downloaded sessionStart@0 play@0 ping@50/50 pauseStart@60/60");
        for (int second = 110; second <= 1910; second += 50) {
            paused.append(" ping@").append(second).append("/60");
        }
        breaks(paused + " play@1950/60 ping@2000/110 sessionEnd@2010/120", "downloaded-timeout-gap", 3, 39);
    }
}
