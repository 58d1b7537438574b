package dev.mediacollection.lint;

/**
 * G3 {@code playhead-out-of-range}: a recorded content's playhead beyond its {@code media.length} (by more than a
 * second), or a live playhead of a day or more. One finding per session.
 */
final class PlayheadOutOfRange extends Rule {

    static final double TOLERANCE_SECONDS = 1;

    PlayheadOutOfRange() {
        super("playhead-out-of-range", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        double length = walk.session().mediaLength();
        boolean live = walk.live();
        if (!live && length <= 0) {
            return;
        }
        for (Step step : walk.steps()) {
            LintEvent event = step.event();
            if (live && event.playhead() >= LivePlayheadNotTimeOfDay.DAY_SECONDS) {
                findings.add("Live event " + event.label() + " reports playhead " + Wording.number(event.playhead())
                        + ", a day or more. A live playhead is the second of the day (0 to 86399).", event);
                return;
            }
            if (!live && event.playhead() > length + TOLERANCE_SECONDS) {
                findings.add("Event " + event.label() + " reports playhead " + Wording.number(event.playhead())
                        + " but the content is " + Wording.number(length) + " s long (media.length). Send the"
                        + " position in the content in seconds (not milliseconds, not the ad's position).", event);
                return;
            }
        }
    }
}
