package dev.mediacollection.lint;

import java.util.OptionalDouble;

/**
 * I1 {@code time-to-start-changed}: {@code media.qoe.timeToStart} changed after the content started playing. Its
 * value is fixed once the first frame renders; later updates inflate Time to start. One finding per session.
 */
final class TimeToStartChanged extends Rule {

    static final String TIME_TO_START = "media.qoe.timeToStart";

    TimeToStartChanged() {
        super("time-to-start-changed", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        LintEvent lastValue = null;
        LintEvent firstChange = null;
        LintEvent changedFrom = null;
        int changes = 0;
        for (Step step : walk.steps()) {
            OptionalDouble value = step.event().qoe(TIME_TO_START);
            if (value.isEmpty()) {
                continue;
            }
            if (lastValue != null && step.before().firstContentPlay() != null
                    && value.getAsDouble() != lastValue.qoe(TIME_TO_START).getAsDouble()) {
                changes++;
                if (firstChange == null) {
                    firstChange = step.event();
                    changedFrom = lastValue;
                }
            }
            lastValue = step.event();
        }
        if (firstChange == null) {
            return;
        }
        LintEvent play = walk.last().after().firstContentPlay();
        String more = changes == 1 ? "" : " (" + changes + " changes in all)";
        findings.add("timeToStart changed from " + Wording.number(changedFrom.qoe(TIME_TO_START).getAsDouble())
                + " to " + Wording.number(firstChange.qoe(TIME_TO_START).getAsDouble()) + " ms at "
                + firstChange.label() + ", after content started playing at " + play.label() + more + ". Fix the"
                + " value once the first frame renders; later updates inflate Time to start.", changedFrom,
                firstChange);
    }
}
