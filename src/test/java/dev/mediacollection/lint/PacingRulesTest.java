package dev.mediacollection.lint;

import static dev.mediacollection.lint.Lint.breaks;
import static dev.mediacollection.lint.Lint.passes;
import static dev.mediacollection.lint.Lint.pingsEverySecond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** docs/lint.md, "Pings and cadence": each rule on a session that breaks it and one that does not. */
class PacingRulesTest {

    private static final String ONE_SECOND_AD = "sessionStart@0 adBreakStart@0 adStart@0 ping@1 ping@2 ping@3"
            + " adComplete@8 adBreakComplete@8 play@8 ping@18/10 sessionEnd@20/12";
    private static final String TEN_SECOND_AD = "sessionStart@0 adBreakStart@0 adStart@0 ping@10 adComplete@15"
            + " adBreakComplete@15 play@15 ping@25/10 sessionEnd@26/11";

    @Test
    void pingGapIsMoreThanElevenSecondsBetweenHeartbeats() {
        LintFinding finding = breaks("sessionStart@0 play@0 ping@30/30 ping@60/60 sessionEnd@65/65", "ping-gap",
                1, 2, 3);

        // The first gap (#1 to #2) and the longest (#2 to #3; the play is 1 ms after the sessionStart).
        assertThat(finding.message()).startsWith("No ping for 30.0 s while playing content (between #2 (ping) and"
                + " #3 (ping); 2 such gaps in this session). Send a ping every 10 s");
        passes("sessionStart@0 play@0 ping@10/10 ping@20/20 ping@30/30 sessionEnd@35/35");
    }

    @Test
    void pingGapIsNotFilledByBitrateOrStateEvents() {
        breaks("sessionStart@0 play@0 bitrateChange@8/8{bitrate=3200} bitrateChange@16/16{bitrate=3500}"
                + " ping@24/24 sessionEnd@25/25", "ping-gap", 1, 4);
    }

    @Test
    void pingGapCountsFromTheFirstPlayOrAdStart() {
        passes("sessionStart@0 play@15 ping@25/10");
    }

    @Test
    void pingGapWhilePausedAdvisesSessionEndInTheBackground() {
        LintFinding finding = breaks("sessionStart@0 play@0 ping@10/10 pauseStart@12/12 ping@40/12"
                + " sessionEnd@41/12", "ping-gap", 3, 4);

        assertThat(finding.message()).contains("while paused").endsWith("If the app went to the background, send"
                + " sessionEnd after about a minute instead of going silent.");
    }

    @Test
    void pingGapOfADownloadedSessionIsMoreThanFiftyOneSeconds() {
        passes("downloaded sessionStart@0 play@0 ping@50/50 ping@100/100 sessionComplete@101/101");
        breaks("downloaded sessionStart@0 play@0 ping@52/52 sessionComplete@60/60", "ping-gap", 1, 2);
    }

    @Test
    void adPingGapIsMoreThanTwoSecondsInAnAdOfASessionThatPingsEverySecond() {
        LintFinding finding = breaks(ONE_SECOND_AD, "ad-ping-gap", 5, 6);

        assertThat(finding.message()).startsWith("This session pings every second in ads (granular ad tracking),"
                + " but the ad started at #2 (adStart) went 5.0 s without a ping (between #5 (ping) and"
                + " #6 (adComplete); 1 such gap in this session).");
        passes("sessionStart@0 adBreakStart@0 adStart@0" + pingsEverySecond(1, 7, 0)
                + " adComplete@8 adBreakComplete@8 play@8 ping@18/10 sessionEnd@20/12");
    }

    @Test
    void aSessionThatPingsEveryTenSecondsInAdsIsNotHeldToOneSecond() {
        passes(TEN_SECOND_AD);
    }

    @Test
    void theAdPingIntervalCanBeSet() {
        SessionLinter oneSecond = new SessionLinter(new LintSettings(Set.of(), AdPingInterval.ONE_SECOND));
        SessionLinter tenSeconds = new SessionLinter(new LintSettings(Set.of(), AdPingInterval.TEN_SECONDS));

        assertThat(oneSecond.lint(SessionScript.parse(TEN_SECOND_AD))).extracting(LintFinding::rule, LintFinding::events)
                .containsExactly(tuple("ad-ping-gap", List.of(2L, 3L)));
        assertThat(oneSecond.lint(SessionScript.parse(TEN_SECOND_AD)).get(0).message())
                .startsWith("Ads ping every second here (mc.lint.ad-ping-interval=1s)");
        assertThat(tenSeconds.lint(SessionScript.parse(ONE_SECOND_AD))).isEmpty();
        assertThat(tenSeconds.lint(SessionScript.parse("sessionStart@0 adBreakStart@0 adStart@0 ping@1 ping@2"
                + " adComplete@14 adBreakComplete@14 play@14 ping@24/10 sessionEnd@25/11")))
                .extracting(LintFinding::rule).containsExactly("ping-gap");
    }
}
