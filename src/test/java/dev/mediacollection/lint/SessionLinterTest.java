package dev.mediacollection.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What holds for every rule: one function of the session, its settings, and how much it reports. */
class SessionLinterTest {

    private static final String MISTAKES = "sessionStart@0 play@0 ping@10/10 adStart@12/12 ping@22/12"
            + " adComplete@27/12 adSkip@27/12 adBreakComplete@27/12 ping@40/25 bufferStart@45/30 bufferStart@46/30"
            + " play@48/30 ping@58/40 sessionEnd@59/41";

    @Test
    void findingsFollowTheEventsNotTheOrderTheyArrivedIn() {
        LintSession inOrder = SessionScript.parse(MISTAKES);
        LintSession reversed = SessionScript.parseArrivingInReverse(MISTAKES);
        SessionLinter linter = new SessionLinter(LintSettings.DEFAULTS);

        assertThat(linter.lint(inOrder)).extracting(LintFinding::rule).containsExactly("ad-start-outside-break",
                "ad-close-without-ad", "ad-break-complete-without-start", "ping-gap", "buffer-start-while-buffering");
        // Arriving backwards, only the arrival rules add to them, and they name the same events (by their ts: the
        // sequence numbers follow arrival).
        assertThat(described(reversed, linter.lint(reversed).stream()
                .filter(finding -> !finding.rule().startsWith("arrived-")).toList()))
                .isEqualTo(described(inOrder, linter.lint(inOrder)));
    }

    @Test
    void theSameSessionGivesTheSameFindingsEveryTime() {
        SessionLinter linter = new SessionLinter(LintSettings.DEFAULTS);

        assertThat(linter.lint(SessionScript.parse(MISTAKES))).isEqualTo(linter.lint(SessionScript.parse(MISTAKES)));
    }

    @Test
    void aSessionStartAloneBreaksNothing() {
        assertThat(Lint.findings("sessionStart@0")).isEmpty();
    }

    @Test
    void aRuleBrokenOverAndOverIsListedTwentyTimesThenSummedUp() {
        StringBuilder script = new StringBuilder("sessionStart@0 play@0");
        for (int i = 1; i <= 25; i++) {
            script.append(" adBreakComplete@").append(i * 0.3).append('/').append(i * 0.3);
        }
        List<LintFinding> findings = Lint.findings(script + " ping@10/10 sessionEnd@11/11");

        assertThat(findings).hasSize(Findings.LISTED + 1)
                .allSatisfy(finding -> assertThat(finding.rule()).isEqualTo("ad-break-complete-without-start"));
        assertThat(findings.get(Findings.LISTED).message()).startsWith("…and 5 more like them in this session (the"
                + " first 20 are listed); the first of them involves #22.");
        assertThat(findings.get(Findings.LISTED).events()).containsExactly(22L);
    }

    @Test
    void aDisabledRuleIsNotApplied() {
        SessionLinter linter = new SessionLinter(new LintSettings(Set.of("ad-close-without-ad", "ping-gap"),
                AdPingInterval.AUTO));

        assertThat(linter.lint(SessionScript.parse(MISTAKES))).extracting(LintFinding::rule).containsExactly(
                "ad-start-outside-break", "ad-break-complete-without-start", "buffer-start-while-buffering");
    }

    @Test
    void aSettingThatNamesNoRuleIsRefused() {
        assertThatThrownBy(() -> new SessionLinter(new LintSettings(Set.of("ping-gaps"), AdPingInterval.AUTO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a lint rule: ping-gaps (the rules: equal-ts, arrived-out-of-order,");
    }

    @Test
    void everyRuleHasItsOwnIdAndSeverity() {
        List<String> ids = SessionLinter.ruleIds();

        assertThat(ids).hasSize(39).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
        assertThat(ids.stream().filter(id -> SessionLinter.severityOf(id).orElseThrow() == Severity.ERROR))
                .containsExactly(
                "arrived-after-reorder-window", "ad-start-outside-break", "ad-break-start-while-open",
                "chapter-start-while-open", "live-playhead-not-advancing", "state-limit-exceeded");
    }

    /** Each finding as its rule and the ts of the events it names. */
    private static List<String> described(LintSession session, List<LintFinding> findings) {
        Map<Long, Long> tsBySequence = new HashMap<>();
        tsBySequence.put(0L, session.start().ts());
        session.events().forEach(event -> tsBySequence.put(event.sequence(), event.ts()));
        return findings.stream().map(finding -> finding.rule() + " " + finding.events().stream()
                .map(tsBySequence::get).sorted().toList()).sorted().toList();
    }
}
