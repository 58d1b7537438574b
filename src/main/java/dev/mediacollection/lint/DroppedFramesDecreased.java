package dev.mediacollection.lint;

import java.util.OptionalDouble;

/**
 * I2 {@code dropped-frames-decreased}: {@code media.qoe.droppedFrames} lower than an earlier value. It is the
 * running total for the session, and Adobe reports the last value. One finding per session.
 */
final class DroppedFramesDecreased extends Rule {

    static final String DROPPED_FRAMES = "media.qoe.droppedFrames";

    DroppedFramesDecreased() {
        super("dropped-frames-decreased", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        LintEvent highest = null;
        LintEvent firstDrop = null;
        LintEvent droppedFrom = null;
        int drops = 0;
        for (Step step : walk.steps()) {
            OptionalDouble value = step.event().qoe(DROPPED_FRAMES);
            if (value.isEmpty()) {
                continue;
            }
            if (highest != null && value.getAsDouble() < highest.qoe(DROPPED_FRAMES).getAsDouble()) {
                drops++;
                if (firstDrop == null) {
                    firstDrop = step.event();
                    droppedFrom = highest;
                }
            } else {
                highest = step.event();
            }
        }
        if (firstDrop == null) {
            return;
        }
        String more = drops == 1 ? "" : " (" + drops + " times in all)";
        findings.add("droppedFrames went down from " + Wording.number(droppedFrom.qoe(DROPPED_FRAMES).getAsDouble())
                + " (" + droppedFrom.label() + ") to " + Wording.number(firstDrop.qoe(DROPPED_FRAMES).getAsDouble())
                + " (" + firstDrop.label() + ")" + more + ". Send the running total for the whole session, not the"
                + " drops since the last update: Adobe reports the last value.", droppedFrom, firstDrop);
    }
}
