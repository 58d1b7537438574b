package dev.mediacollection.lint;

import static dev.mediacollection.lint.Lint.breaks;
import static dev.mediacollection.lint.Lint.passes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

/** docs/lint.md, "Ads": each rule on a session that breaks it and one that does not. */
class AdRulesTest {

    @Test
    void adStartOutsideBreakIsAnAdWithoutItsBookends() {
        LintFinding finding = breaks("sessionStart@0 play@0 ping@10/10 adStart@12/12 ping@22/12 adComplete@27/12"
                + " play@27/12 ping@37/22 sessionEnd@38/23", "ad-start-outside-break", 3);

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        passes("sessionStart@0 play@0 ping@10/10 adBreakStart@12/12 adStart@12/12 ping@22/12 adComplete@27/12"
                + " adBreakComplete@27/12 play@27/12 ping@37/22 sessionEnd@38/23");
    }

    @Test
    void adStartOutsideBreakNamesTheBreakThatClosedBeforeIt() {
        LintFinding finding = breaks("sessionStart@0 adBreakStart@0 adStart@0 ping@5 adComplete@8"
                + " adBreakComplete@8 adStart@8 ping@10 adComplete@12 play@12 ping@22/10 sessionEnd@23/11",
                "ad-start-outside-break", 5, 6);

        assertThat(finding.message()).contains("(the last break closed at #5 (adBreakComplete))");
    }

    @Test
    void adCloseWithoutAdIsASecondCloseOfOneAd() {
        LintFinding finding = breaks("sessionStart@0 adBreakStart@0 adStart@0 ping@10 adComplete@15 adSkip@15"
                + " adBreakComplete@15 play@15 ping@25/10 sessionEnd@26/11", "ad-close-without-ad", 4, 5);

        assertThat(finding.message()).startsWith("adSkip #5 closes no ad: the last ad was already closed by"
                + " #4 (adComplete).");
        passes("sessionStart@0 adBreakStart@0 adStart@0 ping@10 adComplete@15 adBreakComplete@15 play@15"
                + " ping@25/10 sessionEnd@26/11");
    }

    @Test
    void adNotClosedIsANewAdOrTheBreakEndWhileAnAdIsOpen() {
        breaks("sessionStart@0 adBreakStart@0 adStart@0[pos=1] ping@10 adStart@15[pos=2] ping@25 adComplete@30"
                + " adBreakComplete@30 play@30 ping@40/10 sessionEnd@41/11", "ad-not-closed", 2, 4);
        breaks("sessionStart@0 adBreakStart@0 adStart@0 ping@10 adBreakComplete@15 play@15 ping@25/10"
                + " sessionEnd@26/11", "ad-not-closed", 2, 4);
        passes("sessionStart@0 adBreakStart@0 adStart@0[pos=1] ping@10 adComplete@15 adStart@15[pos=2] ping@25"
                + " adComplete@30 adBreakComplete@30 play@30 ping@40/10 sessionEnd@41/11");
    }

    @Test
    void adBreakStartWhileOpenIsABreakWithoutItsComplete() {
        LintFinding finding = breaks("sessionStart@0 adBreakStart@0 adStart@0 ping@10 adComplete@15"
                + " adBreakStart@15 adStart@15[pos=1] ping@25 adComplete@30 adBreakComplete@30 play@30 ping@40/10"
                + " sessionEnd@41/11", "ad-break-start-while-open", 1, 5);

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        passes("sessionStart@0 adBreakStart@0 adStart@0 ping@10 adComplete@15 adBreakComplete@15 adBreakStart@15"
                + " adStart@15[pos=1] ping@25 adComplete@30 adBreakComplete@30 play@30 ping@40/10 sessionEnd@41/11");
    }

    @Test
    void adBreakCompleteWithoutStartClosesNoBreak() {
        breaks("sessionStart@0 play@0 ping@10/10 adBreakComplete@12/12 ping@22/22 sessionEnd@23/23",
                "ad-break-complete-without-start", 3);
        passes("sessionStart@0 play@0 ping@10/10 ping@20/20 sessionEnd@23/23");
    }

    @Test
    void adBreakNotCompletedIsASessionEndingInsideABreak() {
        LintFinding finding = breaks("sessionStart@0 play@0 ping@10/10 adBreakStart@15/15 adStart@15/15"
                + " ping@25/15 sessionEnd@28/15", "ad-break-not-completed", 3, 6);

        assertThat(finding.message()).startsWith("The ad break from #3 (adBreakStart) was never completed before"
                + " the session ended (#6 (sessionEnd)).");
        passes("sessionStart@0 play@0 ping@10/10 adBreakStart@15/15 adStart@15/15 ping@25/15 adSkip@28/15"
                + " adBreakComplete@28/15 sessionEnd@28/15");
    }

    @Test
    void adBreakNotCompletedIsAlsoDecidedAtExpiryAndAtTheEndOfADownloadedSession() {
        // The player stopped in the middle of an ad without a word: the session was not ended either.
        assertThat(Lint.findings("sessionStart@0 play@0 ping@10/10 adBreakStart@15/15 adStart@15/15 ping@25/15"
                + " expire=idle")).extracting(LintFinding::rule, LintFinding::events).containsExactly(
                        tuple("ad-break-not-completed", List.of(3L, 5L)), tuple("session-not-ended", List.of(5L)));
        breaks("downloaded sessionStart@0 play@0 ping@10/10 adBreakStart@15/15 adStart@15/15 ping@25/15"
                + " sessionComplete@28/15", "ad-break-not-completed", 3, 6);
        // Still open: the player may yet complete the break.
        passes("sessionStart@0 play@0 ping@10/10 adBreakStart@15/15 adStart@15/15 ping@25/15");
    }

    @Test
    void playbackInBreakOutsideAdIsAPlayBetweenTheBreakAndItsAd() {
        breaks("sessionStart@0 adBreakStart@0 play@0 adStart@1 ping@11 adComplete@15 adBreakComplete@15 play@15"
                + " ping@25/10 sessionEnd@26/11", "playback-in-break-outside-ad", 1, 2);
        passes("sessionStart@0 adBreakStart@0 adStart@1 play@1 ping@11 adComplete@15 adBreakComplete@15 play@15"
                + " ping@25/10 sessionEnd@26/11");
    }

    @Test
    void noPlayAfterAdBreakIsContentGoingOnWithoutAPlay() {
        LintFinding finding = breaks("sessionStart@0 play@0 ping@10/10 adBreakStart@15/15 adStart@15/15"
                + " ping@25/15 adComplete@30/15 adBreakComplete@30/15 ping@40/25 sessionEnd@41/26",
                "no-play-after-ad-break", 7, 8);

        assertThat(finding.message()).startsWith("After adBreakComplete #7 the content went on"
                + " (playhead 15 → 25 at #8 (ping)) without a play.");
        passes("sessionStart@0 play@0 ping@10/10 adBreakStart@15/15 adStart@15/15 ping@25/15 adComplete@30/15"
                + " adBreakComplete@30/15 play@30/15 ping@40/25 sessionEnd@41/26");
    }

    @Test
    void noPlayAfterAdBreakPassesOverChapterEventsAndAPingAtTheBreaksPlayhead() {
        passes("sessionStart@0 play@0 ping@10/10 adBreakStart@15/15 adStart@15/15 ping@25/15 adComplete@30/15"
                + " adBreakComplete@30/15 chapterStart@30/15[idx=1] ping@31/15 play@32/15 ping@42/25"
                + " sessionEnd@43/26");
        breaks("sessionStart@0 play@0 ping@10/10 adBreakStart@15/15 adStart@15/15 ping@25/15 adComplete@30/15"
                + " adBreakComplete@30/15 chapterStart@30/15[idx=1] ping@40/25 sessionEnd@41/26",
                "no-play-after-ad-break", 7, 9);
    }

    @Test
    void playBeforePrerollIsAPlayJustBeforeTheFirstBreak() {
        breaks("sessionStart@0 play@0 adBreakStart@0.5 adStart@0.5 ping@10.5 adComplete@15 adBreakComplete@15"
                + " play@15 ping@25/10 sessionEnd@26/11", "play-before-preroll", 1, 2);
        passes("sessionStart@0 adBreakStart@0.5 adStart@0.5 ping@10.5 adComplete@15 adBreakComplete@15 play@15"
                + " ping@25/10 sessionEnd@26/11");
    }

    @Test
    void aMidRollAfterContentPlayedIsNoPreroll() {
        passes("sessionStart@0 play@0 ping@10/10 adBreakStart@12/12 adStart@12/12 ping@22/12 adComplete@27/12"
                + " adBreakComplete@27/12 play@27/12 ping@37/22 sessionEnd@38/23");
    }

    @Test
    void adPodPositionOrderIsAPositionThatDoesNotIncreaseWithinABreak() {
        LintFinding finding = breaks("sessionStart@0 adBreakStart@0 adStart@0[pos=1] ping@10 adComplete@15"
                + " adStart@15[pos=1] ping@25 adComplete@30 adBreakComplete@30 play@30 ping@40/10 sessionEnd@41/11",
                "ad-pod-position-order", 2, 5);

        assertThat(finding.message()).startsWith("adStart #5 has podPosition 1, like the previous ad in this break"
                + " (#2 (adStart), podPosition 1).");
        passes("sessionStart@0 adBreakStart@0 adStart@0[pos=1] ping@10 adComplete@15 adStart@15[pos=2] ping@25"
                + " adComplete@30 adBreakComplete@30 play@30 ping@40/10 sessionEnd@41/11");
    }

    @Test
    void adPodPositionsMayStartAtZeroOrOneAndRestartInEachBreak() {
        passes("sessionStart@0 adBreakStart@0 adStart@0[pos=0] ping@10 adComplete@15 adStart@15[pos=1] ping@25"
                + " adComplete@30 adBreakComplete@30 play@30 ping@40/10 adBreakStart@45/15 adStart@45/15[pos=1]"
                + " ping@55/15 adComplete@60/15 adBreakComplete@60/15 play@60/15 ping@70/25 sessionEnd@71/26");
    }

    @Test
    void playheadMovesDuringAdIsThePlayheadLeavingTheBreaksPosition() {
        breaks("sessionStart@0 play@0 ping@10/10 adBreakStart@20/20 adStart@20/20 ping@25/5 adComplete@30/10"
                + " adBreakComplete@30/20 play@30/20 ping@40/30 sessionEnd@41/31", "playhead-moves-during-ad", 3, 5);
        passes("sessionStart@0 play@0 ping@10/10 adBreakStart@20/20 adStart@20/20 ping@25/20 adComplete@30/20"
                + " adBreakComplete@30/20 play@30/20 ping@40/30 sessionEnd@41/31");
    }
}
