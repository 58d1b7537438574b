package dev.mediacollection.lint;

import java.util.EnumSet;
import java.util.Set;

import dev.mediacollection.session.EventType;

/**
 * D8 {@code no-play-after-ad-break}: after {@code adBreakComplete} the content went on (the playhead moved more
 * than half a second) before any {@code play}, {@code pauseStart} or {@code bufferStart} said what the player was
 * doing. Chapter, state, bitrate and error events in between are passed over; a ping at the break's playhead is
 * fine.
 */
final class NoPlayAfterAdBreak extends Rule {

    static final double MOVED_SECONDS = 0.5;
    private static final Set<EventType> DECLARE_STATE = EnumSet.of(EventType.PLAY, EventType.PAUSE_START,
            EventType.BUFFER_START, EventType.AD_BREAK_START, EventType.SESSION_COMPLETE, EventType.SESSION_END);

    NoPlayAfterAdBreak() {
        super("no-play-after-ad-break", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            LintEvent breakEnd = step.before().afterBreak();
            LintEvent event = step.event();
            if (breakEnd == null || Player.leavesAfterBreakOpen(event) || DECLARE_STATE.contains(event.type())) {
                continue;
            }
            if (event.playhead() - breakEnd.playhead() > MOVED_SECONDS) {
                findings.add("After " + breakEnd.named() + " the content went on (playhead "
                        + Wording.number(breakEnd.playhead()) + " → " + Wording.number(event.playhead()) + " at "
                        + event.label() + ") without a play. Send play after every adBreakComplete; otherwise the"
                        + " time after the break may not count as content played.", breakEnd, event);
            }
        }
    }
}
