package dev.mediacollection.metrics;

import java.util.ArrayList;
import java.util.List;

import dev.mediacollection.metrics.PlaybackSpan.Kind;

/**
 * The spans of a replay. Content time inside a run of frozen playheads is held apart, as {@link Stalls} holds it,
 * until the run ends: then it is known to be a stall, or time played after all.
 */
final class Spans {

    private final List<PlaybackSpan> settled = new ArrayList<>();
    private final List<PlaybackSpan> held = new ArrayList<>();

    /** The time between two events, spent on {@code activity}; {@code holding} while a run may be a stall. */
    void add(Activity activity, long fromTs, long toTs, double fromPlayhead, double toPlayhead, boolean holding) {
        Kind kind = switch (activity) {
            case CONTENT -> Kind.CONTENT;
            case AD -> Kind.AD;
            case PAUSED -> Kind.PAUSED;
            case BUFFERING -> Kind.BUFFERING;
            case NONE -> null;
        };
        if (kind != null && toTs > fromTs) {
            append(holding ? held : settled, new PlaybackSpan(kind, fromTs, toTs, fromPlayhead, toPlayhead));
        }
    }

    /** The run that held time apart ended: its content was a stall, or was played. */
    void runEnded(boolean stall) {
        held.forEach(span -> append(settled, stall && span.kind() == Kind.CONTENT ? span.as(Kind.STALLED) : span));
        held.clear();
    }

    List<PlaybackSpan> list() {
        return List.copyOf(settled);
    }

    private static void append(List<PlaybackSpan> spans, PlaybackSpan span) {
        int last = spans.size() - 1;
        if (last >= 0 && spans.get(last).joins(span)) {
            spans.set(last, spans.get(last).through(span));
        } else {
            spans.add(span);
        }
    }
}
