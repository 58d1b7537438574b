package dev.mediacollection.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

/** Lints sessions written as scripts ({@link SessionScript}) with the default settings, for the tests. */
final class Lint {

    private static final SessionLinter DEFAULT = new SessionLinter(LintSettings.DEFAULTS);

    private Lint() {
    }

    static List<LintFinding> findings(String script) {
        return DEFAULT.lint(SessionScript.parse(script));
    }

    /** The rule of each finding, in the linter's order. */
    static List<String> rules(String script) {
        return findings(script).stream().map(LintFinding::rule).toList();
    }

    /**
     * Asserts that the session breaks exactly one rule, once, naming exactly these events; returns that finding for
     * a closer look at its message.
     */
    static LintFinding breaks(String script, String rule, long... events) {
        List<LintFinding> findings = findings(script);
        assertThat(findings).as("findings of %s", script).hasSize(1);
        LintFinding finding = findings.get(0);
        assertThat(finding.rule()).as(finding.message()).isEqualTo(rule);
        assertThat(finding.severity()).isEqualTo(SessionLinter.severityOf(rule).orElseThrow());
        assertThat(finding.events()).as(finding.message())
                .containsExactlyElementsOf(Arrays.stream(events).boxed().toList());
        return finding;
    }

    /** Asserts that the session breaks no rule at all. */
    static void passes(String script) {
        assertThat(findings(script)).as("findings of %s", script).isEmpty();
    }

    /** {@code ping@a/p ping@a+1/p … ping@b/p}: a ping every second, from a to b seconds, at one playhead. */
    static String pingsEverySecond(int from, int to, double playhead) {
        StringBuilder pings = new StringBuilder();
        for (int second = from; second <= to; second++) {
            pings.append(" ping@").append(second).append('/').append(playhead);
        }
        return pings.toString();
    }
}
