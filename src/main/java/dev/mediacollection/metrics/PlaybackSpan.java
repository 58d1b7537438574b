package dev.mediacollection.metrics;

/**
 * A stretch of device time in which the player did one thing, as the metrics count it.
 *
 * @param kind         what the player was doing: the metric this time counts toward
 * @param fromTs       {@code playerTime.ts} of the event that started the span
 * @param toTs         {@code playerTime.ts} of the event that ended it, after {@code fromTs}
 * @param fromPlayhead the playhead of the event that started it
 * @param toPlayhead   the playhead of the event that ended it
 */
public record PlaybackSpan(Kind kind, long fromTs, long toTs, double fromPlayhead, double toPlayhead) {

    /** Each kind's time is one metric: content time spent, ad time spent, pause, buffer and stalling duration. */
    public enum Kind {
        CONTENT, AD, PAUSED, BUFFERING, STALLED
    }

    PlaybackSpan as(Kind other) {
        return new PlaybackSpan(other, fromTs, toTs, fromPlayhead, toPlayhead);
    }

    /** This span and the next one as one, when they are of one kind and meet. */
    boolean joins(PlaybackSpan next) {
        return kind == next.kind && toTs == next.fromTs;
    }

    PlaybackSpan through(PlaybackSpan next) {
        return new PlaybackSpan(kind, fromTs, next.toTs, fromPlayhead, next.toPlayhead);
    }
}
