package dev.mediacollection.lint;

import static dev.mediacollection.lint.Lint.breaks;
import static dev.mediacollection.lint.Lint.passes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/lint.md, "Timestamps and arrival": each rule on a session that breaks it and one that does not. */
class TimestampRulesTest {

    @Test
    void equalTsIsTwoEventsWhoseOrderMattersAtOneTs() {
        LintFinding finding = breaks("sessionStart@0 adBreakStart@5 adStart@5! ping@15 adComplete@20"
                + " adBreakComplete@20 play@20 sessionEnd@25/5", "equal-ts", 1, 2);

        assertThat(finding.message()).startsWith("Events #1 (adBreakStart) and #2 (adStart) have the same ts "
                + (SessionScript.T0 + 5_000) + ". Adobe sorts events by ts");
        passes("sessionStart@0 adBreakStart@5 adStart@5 ping@15 adComplete@20 adBreakComplete@20 play@20"
                + " sessionEnd@25/5");
    }

    @Test
    void equalTsLeavesOutEventsWhoseOrderChangesNothing() {
        passes("sessionStart@0 play@0 ping@10/10 bitrateChange@10!/10{bitrate=3200} error@10!/10 ping@20/20"
                + " stateStart@20!/20[name=mute] stateStart@20!/20[name=fullscreen] sessionEnd@21/21");
    }

    @Test
    void equalTsIsOneFindingPerSessionCountingTheGroups() {
        LintFinding finding = breaks("sessionStart@0 play@0! ping@10/10 pauseStart@12/12 play@12!/12 ping@22/22"
                + " stateStart@25/25[name=mute] stateEnd@25!/25[name=mute] sessionEnd@26/26", "equal-ts", 0, 1);

        assertThat(finding.message()).contains("(2 more groups of events in this session share a ts)");
    }

    @Test
    void equalTsDoesNotApplyToDownloadedSessions() {
        passes("downloaded sessionStart@0 play@0! ping@10/10 sessionEnd@15/15");
    }

    @Test
    void arrivedOutOfOrderIsMoreThanASecondLate() {
        LintFinding finding = breaks("sessionStart@0 play@1 ping@11/9.5<11.0> pauseStart@10.5/9.5<12.6>"
                + " play@15/9.5 ping@25/19.5 sessionEnd@26/20.5", "arrived-out-of-order", 2, 3);

        assertThat(finding.message()).startsWith("Event #3 (pauseStart) arrived 1.6 s after #2 (ping), which has a"
                + " later ts.");
        passes("sessionStart@0 play@1 ping@11/9.5<11.0> pauseStart@10.5/9.5<11.4> play@15/9.5 ping@25/19.5"
                + " sessionEnd@26/20.5");
    }

    @Test
    void arrivedAfterReorderWindowIsMoreThanFiveSecondsLate() {
        LintFinding finding = breaks("sessionStart@0 play@1 ping@11/9.5<11.0> pauseStart@10.5/9.5<18.0>"
                + " play@15/9.5 ping@25/19.5 sessionEnd@26/20.5", "arrived-after-reorder-window", 2, 3);

        assertThat(finding.message()).startsWith("Event #3 (pauseStart) arrived 7.0 s and 0 events after #2 (ping)");
    }

    @Test
    void arrivedAfterReorderWindowIsAlsoTenEventsLate() {
        StringBuilder script = new StringBuilder("sessionStart@0 play@0 ping@2/2<2>");
        for (int i = 1; i <= 10; i++) {
            script.append(" stateStart@").append(2 + i * 0.01).append("/2[name=s").append(i).append("]<2.2>");
        }
        script.append(" bitrateChange@1.5/1.5{bitrate=3200}<2.5> ping@12/12 sessionEnd@13/13");

        breaks(script.toString(), "arrived-after-reorder-window", 2, 13);
    }

    @Test
    void tsBeforeSessionStartIsAnEventStampedBeforeIt() {
        breaks("sessionStart@10 play@9.5 ping@19.5/10", "ts-before-session-start", 0, 1);
        passes("sessionStart@10 play@10.2 ping@20.2/10");
    }
}
