package dev.mediacollection.lint;

import static dev.mediacollection.lint.Lint.breaks;
import static dev.mediacollection.lint.Lint.passes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/lint.md, "Player states": each rule on a session that breaks it and one that does not. */
class PlayerStateRulesTest {

    @Test
    void stateStartWhileActiveStartsAStateThatIsOn() {
        breaks("sessionStart@0 play@0 stateStart@5[name=mute] stateStart@8[name=mute] ping@10/10"
                + " stateEnd@12/12[name=mute] sessionEnd@13/13", "state-start-while-active", 2, 3);
        passes("sessionStart@0 play@0 stateStart@5[name=mute] stateEnd@8/8[name=mute] stateStart@9/9[name=mute]"
                + " ping@10/10 sessionEnd@13/13");
    }

    @Test
    void statesUpdateEndsItsListBeforeStartingItsOther() {
        passes("sessionStart@0 play@0 statesUpdate@5[starts=mute+pictureInPicture] ping@10/10"
                + " statesUpdate@15/15[ends=mute+pictureInPicture,starts=mute] ping@20/20 sessionEnd@21/21");
        breaks("sessionStart@0 play@0 statesUpdate@5[starts=mute] ping@10/10 statesUpdate@15/15[starts=mute]"
                + " ping@20/20 sessionEnd@21/21", "state-start-while-active", 2, 4);
    }

    @Test
    void stateEndWithoutStartEndsAStateThatIsOff() {
        LintFinding misspelt = breaks("sessionStart@0 play@0 stateStart@4[name=fullscreen]"
                + " stateEnd@9/9[name=fullScreen] ping@10/10 sessionEnd@11/11", "state-end-without-start", 2, 3);

        assertThat(misspelt.message()).isEqualTo("stateEnd #3 ends fullScreen, which is not on; fullscreen is (since"
                + " #2 (stateStart)). State names are compared exactly; use the same spelling for start and end.");
        breaks("sessionStart@0 play@0 ping@10/10 statesUpdate@12/12[ends=mute] ping@20/20 sessionEnd@21/21",
                "state-end-without-start", 3);
        passes("sessionStart@0 play@0 stateStart@4[name=fullscreen] stateEnd@9/9[name=fullscreen] ping@10/10"
                + " sessionEnd@11/11");
    }

    @Test
    void stateLimitExceededIsAnEleventhStateName() {
        StringBuilder eleven = new StringBuilder("sessionStart@0 play@0");
        for (int i = 0; i <= 10; i++) {
            eleven.append(" stateStart@1[name=s").append(i).append(']');
        }
        LintFinding finding = breaks(eleven + " ping@10/10 sessionEnd@11/11", "state-limit-exceeded", 12);

        assertThat(finding.message()).startsWith("State 's10' (#12 (stateStart)) is player state number 11");
    }

    @Test
    void aStateStartedAgainCountsOnceTowardTheLimit() {
        StringBuilder ten = new StringBuilder("sessionStart@0 play@0");
        for (int i = 0; i <= 8; i++) {
            ten.append(" stateStart@1[name=s").append(i).append(']');
        }
        ten.append(" stateStart@2[name=mute] stateEnd@3/3[name=mute] stateStart@4/4[name=mute]"
                + " stateEnd@5/5[name=mute] stateStart@6/6[name=mute] ping@10/10 sessionEnd@11/11");

        passes(ten.toString());
    }
}
