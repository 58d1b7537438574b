package dev.mediacollection.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one rule found in one session. A rule that a session breaks over and over (a player that always sends the
 * same wrong sequence) is listed {@value #LISTED} times, then summed up in one more finding.
 */
final class Findings {

    static final int LISTED = 20;

    private final Rule rule;
    private final List<LintFinding> listed = new ArrayList<>();
    private int occurrences;
    private List<Long> firstUnlisted;

    Findings(Rule rule) {
        this.rule = rule;
    }

    /** One occurrence, naming the events involved ({@code null}s are left out). */
    void add(String message, LintEvent... events) {
        occurrences++;
        List<Long> sequences = sequences(events);
        if (occurrences <= LISTED) {
            listed.add(new LintFinding(rule.id(), rule.severity(), message, sequences));
        } else if (firstUnlisted == null) {
            firstUnlisted = sequences;
        }
    }

    /** The findings, with the summary of the unlisted ones last. */
    List<LintFinding> all() {
        if (occurrences <= LISTED) {
            return List.copyOf(listed);
        }
        List<LintFinding> all = new ArrayList<>(listed);
        int more = occurrences - LISTED;
        all.add(new LintFinding(rule.id(), rule.severity(), "…and " + more + " more like "
                + (more == 1 ? "it" : "them") + " in this session (the first " + LISTED + " are listed); the"
                + " first of them involves " + labels(firstUnlisted) + ".", firstUnlisted));
        return all;
    }

    static List<Long> sequences(LintEvent... events) {
        return Arrays.stream(events).filter(Objects::nonNull).map(LintEvent::sequence).distinct().sorted().toList();
    }

    private static String labels(List<Long> sequences) {
        return String.join(", ", sequences.stream().map(sequence -> "#" + sequence).toList());
    }
}
