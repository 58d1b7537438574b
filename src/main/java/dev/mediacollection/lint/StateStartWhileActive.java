package dev.mediacollection.lint;

import java.util.HashMap;
import java.util.Map;

/** H1 {@code state-start-while-active}: a player state started while it is already on. */
final class StateStartWhileActive extends Rule {

    StateStartWhileActive() {
        super("state-start-while-active", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            StateChange change = StateChange.of(step.event());
            Map<String, LintEvent> active = new HashMap<>(step.before().activeStates());
            change.ended().forEach(active::remove);
            for (String name : change.started()) {
                LintEvent since = active.putIfAbsent(name, step.event());
                if (since != null) {
                    findings.add(step.event().named() + " starts " + name
                            + " while it is already on since " + since.label() + ". End a state before starting it"
                            + " again.", since, step.event());
                }
            }
        }
    }
}
