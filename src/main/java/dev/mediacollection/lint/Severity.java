package dev.mediacollection.lint;

/** How much a session-level finding costs the data, by Adobe's own words (docs/lint.md, "How a session is read"). */
public enum Severity {
    /** Adobe ignores, drops or miscounts the data, or states a MUST whose breach leaves its result undefined. */
    ERROR,
    /** Adobe recommends otherwise, or the sequence is very likely a mistake that costs data. */
    WARNING
}
