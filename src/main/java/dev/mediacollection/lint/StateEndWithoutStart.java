package dev.mediacollection.lint;

import java.util.Map;

/**
 * H2 {@code state-end-without-start}: a player state ended that is not on. Names are compared exactly, as Adobe's
 * SDKs do; a state on under another spelling is pointed out.
 */
final class StateEndWithoutStart extends Rule {

    StateEndWithoutStart() {
        super("state-end-without-start", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            Map<String, LintEvent> active = step.before().activeStates();
            for (String name : StateChange.of(step.event()).ended()) {
                if (active.containsKey(name)) {
                    continue;
                }
                Map.Entry<String, LintEvent> spelledOtherwise = active.entrySet().stream()
                        .filter(entry -> entry.getKey().equalsIgnoreCase(name)).findFirst().orElse(null);
                String ends = step.event().named() + " ends " + name
                        + ", which is not on";
                if (spelledOtherwise == null) {
                    findings.add(ends + ". Send stateStart when the state begins.", step.event());
                } else {
                    findings.add(ends + "; " + spelledOtherwise.getKey() + " is (since "
                            + spelledOtherwise.getValue().label() + "). State names are compared exactly; use the"
                            + " same spelling for start and end.", spelledOtherwise.getValue(), step.event());
                }
            }
        }
    }
}
