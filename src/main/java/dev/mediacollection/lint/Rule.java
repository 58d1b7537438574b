package dev.mediacollection.lint;

/** One rule of docs/lint.md: a check over a whole session, in processing order. */
abstract class Rule {

    private final String id;
    private final Severity severity;

    Rule(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    final String id() {
        return id;
    }

    final Severity severity() {
        return severity;
    }

    /** Reports to {@code findings} every time the session breaks the rule. */
    abstract void check(Walk walk, Findings findings);
}
