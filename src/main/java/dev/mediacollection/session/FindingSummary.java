package dev.mediacollection.session;

import java.util.List;

/**
 * A session's findings at a glance.
 *
 * @param count how many findings its requests have, its sessionStart's included
 * @param rules the rules they break, each once, in alphabetical order
 */
public record FindingSummary(long count, List<String> rules) {

    public static final FindingSummary NONE = new FindingSummary(0, List.of());

    public FindingSummary {
        rules = List.copyOf(rules);
    }
}
