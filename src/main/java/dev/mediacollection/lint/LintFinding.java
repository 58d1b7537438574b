package dev.mediacollection.lint;

import java.util.List;

/**
 * A mistake in the sequence or pacing of a session's events, which each request on its own could not show.
 *
 * @param rule     the rule's stable id (docs/lint.md lists them)
 * @param severity how much it costs the data
 * @param message  what is wrong, which events show it, and what to do instead
 * @param events   the sequence numbers of the events involved, ascending (0: the sessionStart)
 */
public record LintFinding(String rule, Severity severity, String message, List<Long> events) {

    public LintFinding {
        events = List.copyOf(events);
    }
}
