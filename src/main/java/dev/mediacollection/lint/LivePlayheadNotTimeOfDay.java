package dev.mediacollection.lint;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * G2 {@code live-playhead-not-time-of-day}: a live session's playhead is more than two hours away from the UTC
 * second of the day of its event's {@code ts} (measured round the clock, so midnight is no jump). Adobe's API pages
 * say a live playhead is the current second of the day; older pages allow seconds from the start of the stream,
 * hence a warning with a wide margin. Main content after playback began; one finding per session.
 */
final class LivePlayheadNotTimeOfDay extends Rule {

    static final double DAY_SECONDS = 86_400;
    static final double TOLERANCE_SECONDS = 7_200;

    LivePlayheadNotTimeOfDay() {
        super("live-playhead-not-time-of-day", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        if (!walk.live()) {
            return;
        }
        for (Step step : walk.steps()) {
            LintEvent event = step.event();
            // A playhead outside the day is playhead-out-of-range.
            if (!step.after().playbackBegun() || step.before().inBreak() || step.after().inBreak()
                    || event.playhead() < 0 || event.playhead() >= DAY_SECONDS) {
                continue;
            }
            double secondOfDay = Math.floorMod(event.ts(), (long) DAY_SECONDS * 1000) / 1000.0;
            double apart = Math.abs(event.playhead() - secondOfDay) % DAY_SECONDS;
            if (Math.min(apart, DAY_SECONDS - apart) > TOLERANCE_SECONDS) {
                LocalTime time = LocalTime.ofInstant(Instant.ofEpochMilli(event.ts()), ZoneOffset.UTC).withNano(0);
                findings.add("Live event " + event.label() + " reports playhead " + Wording.number(event.playhead())
                        + " while its ts is " + time + " UTC (second " + Wording.number(Math.floor(secondOfDay))
                        + " of the day). Adobe expects a live playhead to be the current second of the day (UTC), so"
                        + " that reports can show when viewers joined and left.", event);
                return;
            }
        }
    }
}
