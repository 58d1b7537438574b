package dev.mediacollection.session;

import java.util.List;

/**
 * A rule a request broke, kept with the request instead of refusing it (the validation profile decides which rules
 * refuse); or a mistake in the order or pacing of a session's events, kept with the session (docs/lint.md).
 *
 * @param rule    the rule's stable id, such as {@code minimum} or {@code unknown-key} (docs/api.md lists them), or a
 *                session-level rule such as {@code ping-gap} (docs/lint.md)
 * @param pointer RFC 6901 pointer into the event's body, or {@code null} when the finding is about the request as a
 *                whole (how it was sent) or about the session
 * @param message what is wrong, in the words a refusal would use ("must be at least 0")
 * @param events  for a session-level finding, the sequence numbers of the events involved, ascending; empty for a
 *                request's own
 */
public record Finding(String rule, String pointer, String message, List<Long> events) {

    public Finding {
        events = List.copyOf(events);
    }

    /** A rule one request broke. */
    public Finding(String rule, String pointer, String message) {
        this(rule, pointer, message, List.of());
    }

    /** About the session's events rather than one request. */
    public boolean sessionLevel() {
        return !events.isEmpty();
    }
}
