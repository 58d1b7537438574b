package dev.mediacollection.lint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.mediacollection.session.EventType;

/**
 * The stretches between a session's heartbeats, from the first {@code play} or {@code adStart} to the
 * {@code sessionComplete} or {@code sessionEnd}. A heartbeat is an event that changes or confirms what is playing;
 * bitrate, error, chapter and state events do not replace pings (docs/lint.md, "How a session is read").
 */
final class Heartbeats {

    private static final Set<EventType> HEARTBEATS = EnumSet.of(EventType.PING, EventType.PLAY,
            EventType.PAUSE_START, EventType.BUFFER_START, EventType.AD_BREAK_START, EventType.AD_START,
            EventType.AD_COMPLETE, EventType.AD_SKIP, EventType.AD_BREAK_COMPLETE);
    private static final Set<EventType> ENDS = EnumSet.of(EventType.SESSION_COMPLETE, EventType.SESSION_END);

    /** From one heartbeat to the next; {@code from.after()} says what was playing in between. */
    record Interval(Step from, Step to) {

        long millis() {
            return to.event().ts() - from.event().ts();
        }

        String describe() {
            return "between " + from.event().label() + " and " + to.event().label();
        }
    }

    private Heartbeats() {
    }

    static List<Interval> of(Walk walk) {
        List<Interval> intervals = new ArrayList<>();
        Step previous = null;
        for (Step step : walk.steps()) {
            EventType type = step.event().type();
            boolean heartbeat = HEARTBEATS.contains(type);
            if (previous != null && (heartbeat || ENDS.contains(type))) {
                intervals.add(new Interval(previous, step));
            }
            if (ENDS.contains(type)) {
                break;
            }
            if (heartbeat && step.after().playbackBegun()) {
                previous = step;
            }
        }
        return intervals;
    }
}
