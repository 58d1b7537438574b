package dev.mediacollection.lint;

import java.util.HashSet;
import java.util.Set;

/**
 * H3 {@code state-limit-exceeded}: an eleventh distinct player state in a session. Adobe keeps the first 10
 * (open or closed, each counted once however often it starts) and drops the rest.
 */
final class StateLimitExceeded extends Rule {

    static final int LIMIT = 10;

    StateLimitExceeded() {
        super("state-limit-exceeded", Severity.ERROR);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            Set<String> seen = new HashSet<>(step.before().statesSeen());
            for (String name : StateChange.of(step.event()).started()) {
                if (seen.add(name) && seen.size() > LIMIT) {
                    findings.add("State '" + name + "' (" + step.event().label() + ") is player state number "
                            + seen.size() + " in this session; Adobe keeps only the first " + LIMIT + " and drops"
                            + " the rest.", step.event());
                }
            }
        }
    }
}
