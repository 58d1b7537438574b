package dev.mediacollection.metrics;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Every figure of {@link MediaMetrics} that reports add up across sessions, in one list: its name (the field of the
 * session's {@code metrics}), its unit and how it aggregates. The metrics table of the SQL stores, its column per
 * figure, what a store sums, and the fields of a report are all made from this list (docs/metrics.md, "Reports").
 * Left out: {@code final} and {@code computedUpTo}, which describe the computation, and {@code states}, the
 * per-session map of every player state, custom ones included (the five standard states are here by name).
 */
public enum SessionMetric {

    MEDIA_STARTS("mediaStarts", Unit.COUNT, Aggregation.SUM, m -> m.core().mediaStarts()),
    CONTENT_RESUMES("contentResumes", Unit.COUNT, Aggregation.SUM, m -> m.core().contentResumes()),
    CONTENT_STARTS("contentStarts", Unit.COUNT, Aggregation.SUM, m -> m.core().contentStarts()),
    CONTENT_COMPLETES("contentCompletes", Unit.COUNT, Aggregation.SUM, m -> m.core().contentCompletes()),
    CONTENT_TIME_SPENT("contentTimeSpent", Unit.SECONDS, Aggregation.SUM, m -> m.core().contentTimeSpent()),
    MEDIA_TIME_SPENT("mediaTimeSpent", Unit.SECONDS, Aggregation.SUM, m -> m.core().mediaTimeSpent()),
    UNIQUE_TIME_PLAYED("uniqueTimePlayed", Unit.SECONDS, Aggregation.SUM, m -> m.core().uniqueTimePlayed()),
    /** Adobe: "when summed across sessions, the total represents the average audience size at each minute". */
    AVERAGE_MINUTE_AUDIENCE("averageMinuteAudience", Unit.AUDIENCE, Aggregation.SUM, Presence.WHEN_REPORTED,
            m -> m.core().averageMinuteAudience()),
    CONTENT_SEGMENT_VIEWS("contentSegmentViews", Unit.COUNT, Aggregation.SUM, m -> m.core().contentSegmentViews()),
    ESTIMATED_STREAMS("estimatedStreams", Unit.COUNT, Aggregation.SUM, m -> m.core().estimatedStreams()),
    PROGRESS10("progress10", Unit.COUNT, Aggregation.SUM, m -> m.core().progress10()),
    PROGRESS25("progress25", Unit.COUNT, Aggregation.SUM, m -> m.core().progress25()),
    PROGRESS50("progress50", Unit.COUNT, Aggregation.SUM, m -> m.core().progress50()),
    PROGRESS75("progress75", Unit.COUNT, Aggregation.SUM, m -> m.core().progress75()),
    PROGRESS95("progress95", Unit.COUNT, Aggregation.SUM, m -> m.core().progress95()),
    PAUSE_EVENTS("pauseEvents", Unit.COUNT, Aggregation.SUM, m -> m.core().pauseEvents()),
    TOTAL_PAUSE_DURATION("totalPauseDuration", Unit.SECONDS, Aggregation.SUM, m -> m.core().totalPauseDuration()),
    PAUSED_IMPACTED_STREAMS("pausedImpactedStreams", Unit.COUNT, Aggregation.SUM,
            m -> m.core().pausedImpactedStreams()),
    AUTHORIZED("authorized", Unit.COUNT, Aggregation.SUM, m -> m.core().authorized()),

    AD_STARTS("adStarts", Unit.COUNT, Aggregation.SUM, m -> m.ads().adStarts()),
    AD_COMPLETES("adCompletes", Unit.COUNT, Aggregation.SUM, m -> m.ads().adCompletes()),
    AD_TIME_SPENT("adTimeSpent", Unit.SECONDS, Aggregation.SUM, m -> m.ads().adTimeSpent()),
    AD_COUNT("adCount", Unit.COUNT, Aggregation.SUM, m -> m.ads().adCount()),

    CHAPTER_STARTS("chapterStarts", Unit.COUNT, Aggregation.SUM, m -> m.chapters().chapterStarts()),
    CHAPTER_COMPLETES("chapterCompletes", Unit.COUNT, Aggregation.SUM, m -> m.chapters().chapterCompletes()),
    CHAPTER_TIME_SPENT("chapterTimeSpent", Unit.SECONDS, Aggregation.SUM, m -> m.chapters().chapterTimeSpent()),
    CHAPTER_COUNT("chapterCount", Unit.COUNT, Aggregation.SUM, m -> m.chapters().chapterCount()),

    /** Adobe: "suitable for sums, averages"; its calculated "Content time-to-start rate" divides the sum. */
    TIME_TO_START("timeToStart", Unit.SECONDS, Aggregation.SUM, Presence.WHEN_REPORTED,
            m -> m.quality().timeToStart()),
    DROPS_BEFORE_START("dropsBeforeStart", Unit.COUNT, Aggregation.SUM, m -> m.quality().dropsBeforeStart()),
    BUFFER_EVENTS("bufferEvents", Unit.COUNT, Aggregation.SUM, m -> m.quality().bufferEvents()),
    TOTAL_BUFFER_DURATION("totalBufferDuration", Unit.SECONDS, Aggregation.SUM,
            m -> m.quality().totalBufferDuration()),
    BUFFER_IMPACTED_STREAMS("bufferImpactedStreams", Unit.COUNT, Aggregation.SUM,
            m -> m.quality().bufferImpactedStreams()),
    STALL_EVENTS("stallEvents", Unit.COUNT, Aggregation.SUM, m -> m.quality().stallEvents()),
    TOTAL_STALLING_DURATION("totalStallingDuration", Unit.SECONDS, Aggregation.SUM,
            m -> m.quality().totalStallingDuration()),
    STALL_IMPACTED_STREAMS("stallImpactedStreams", Unit.COUNT, Aggregation.SUM,
            m -> m.quality().stallImpactedStreams()),
    ERROR_EVENTS("errorEvents", Unit.COUNT, Aggregation.SUM, m -> m.quality().errorEvents()),
    ERROR_IMPACTED_STREAMS("errorImpactedStreams", Unit.COUNT, Aggregation.SUM,
            m -> m.quality().errorImpactedStreams()),
    BITRATE_CHANGES("bitrateChanges", Unit.COUNT, Aggregation.SUM, m -> m.quality().bitrateChanges()),
    BITRATE_CHANGE_IMPACTED_STREAMS("bitrateChangeImpactedStreams", Unit.COUNT, Aggregation.SUM,
            m -> m.quality().bitrateChangeImpactedStreams()),
    /** A sum of bitrates means nothing: Adobe's page offers its metric for averages across sessions. */
    AVERAGE_BITRATE("averageBitrate", Unit.KBPS, Aggregation.MEAN, Presence.WHEN_REPORTED,
            m -> m.quality().averageBitrate()),
    /** Adobe: "compute total drop volume in a report period". */
    DROPPED_FRAMES("droppedFrames", Unit.COUNT, Aggregation.SUM, Presence.WHEN_REPORTED,
            m -> m.quality().droppedFrames()),
    DROPPED_FRAME_IMPACTED_STREAMS("droppedFrameImpactedStreams", Unit.COUNT, Aggregation.SUM,
            m -> m.quality().droppedFrameImpactedStreams()),

    CLOSED_CAPTIONING_COUNT("closedCaptioningCount", Unit.COUNT, Aggregation.SUM,
            m -> m.playerStates().closedCaptioningCount()),
    CLOSED_CAPTIONING_STREAMS_IMPACTED("closedCaptioningStreamsImpacted", Unit.COUNT, Aggregation.SUM,
            m -> m.playerStates().closedCaptioningStreamsImpacted()),
    CLOSED_CAPTIONING_TOTAL_DURATION("closedCaptioningTotalDuration", Unit.SECONDS, Aggregation.SUM,
            m -> m.playerStates().closedCaptioningTotalDuration()),
    FULL_SCREEN_COUNT("fullScreenCount", Unit.COUNT, Aggregation.SUM, m -> m.playerStates().fullScreenCount()),
    FULL_SCREEN_STREAMS_IMPACTED("fullScreenStreamsImpacted", Unit.COUNT, Aggregation.SUM,
            m -> m.playerStates().fullScreenStreamsImpacted()),
    FULL_SCREEN_TOTAL_DURATION("fullScreenTotalDuration", Unit.SECONDS, Aggregation.SUM,
            m -> m.playerStates().fullScreenTotalDuration()),
    IN_FOCUS_COUNT("inFocusCount", Unit.COUNT, Aggregation.SUM, m -> m.playerStates().inFocusCount()),
    IN_FOCUS_STREAMS_IMPACTED("inFocusStreamsImpacted", Unit.COUNT, Aggregation.SUM,
            m -> m.playerStates().inFocusStreamsImpacted()),
    IN_FOCUS_TOTAL_DURATION("inFocusTotalDuration", Unit.SECONDS, Aggregation.SUM,
            m -> m.playerStates().inFocusTotalDuration()),
    MUTE_COUNT("muteCount", Unit.COUNT, Aggregation.SUM, m -> m.playerStates().muteCount()),
    MUTE_STREAMS_IMPACTED("muteStreamsImpacted", Unit.COUNT, Aggregation.SUM,
            m -> m.playerStates().muteStreamsImpacted()),
    MUTE_TOTAL_DURATION("muteTotalDuration", Unit.SECONDS, Aggregation.SUM,
            m -> m.playerStates().muteTotalDuration()),
    PICTURE_IN_PICTURE_COUNT("pictureInPictureCount", Unit.COUNT, Aggregation.SUM,
            m -> m.playerStates().pictureInPictureCount()),
    PICTURE_IN_PICTURE_STREAMS_IMPACTED("pictureInPictureStreamsImpacted", Unit.COUNT, Aggregation.SUM,
            m -> m.playerStates().pictureInPictureStreamsImpacted()),
    PICTURE_IN_PICTURE_TOTAL_DURATION("pictureInPictureTotalDuration", Unit.SECONDS, Aggregation.SUM,
            m -> m.playerStates().pictureInPictureTotalDuration());

    /** The list in its order: the columns of the metrics table, the fields of a report. */
    public static final List<SessionMetric> ALL = List.of(values());

    /**
     * How a figure is kept: as a whole number of {@code 1/scale} of its unit, so that stores add whole numbers and
     * every database gives the same sums, whatever order it adds them in.
     */
    public enum Unit {
        /** A count, kept as it is. */
        COUNT(1),
        /** Seconds, to the millisecond like every duration of the metrics: kept as milliseconds. */
        SECONDS(1_000),
        /** Kilobits per second, to the thousandth (bits per second): kept as bits per second. */
        KBPS(1_000),
        /** Average minute audience, a fraction of one viewer: kept to the millionth. */
        AUDIENCE(1_000_000);

        private final long scale;

        Unit(long scale) {
            this.scale = scale;
        }

        public long scale() {
            return scale;
        }
    }

    /** Whether every session has the figure. */
    public enum Presence {
        ALWAYS,
        /** Only sessions that reported what it is made from: a content length, a QoE reading. */
        WHEN_REPORTED
    }

    /** How a report adds up a figure over its sessions; a session without the figure is left out of both. */
    public enum Aggregation {
        /** The sum over the sessions that have the figure: counts, times, "impacted streams" (sessions impacted). */
        SUM,
        /** The mean over the sessions that have the figure. */
        MEAN
    }

    private final String field;
    private final String column;
    private final Unit unit;
    private final Aggregation aggregation;
    private final Presence presence;
    private final Function<MediaMetrics, Number> value;

    SessionMetric(String field, Unit unit, Aggregation aggregation, Function<MediaMetrics, Number> value) {
        this(field, unit, aggregation, Presence.ALWAYS, value);
    }

    SessionMetric(String field, Unit unit, Aggregation aggregation, Presence presence,
            Function<MediaMetrics, Number> value) {
        this.field = field;
        this.column = field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
        this.unit = unit;
        this.aggregation = aggregation;
        this.presence = presence;
        this.value = value;
    }

    /** Its name in a session's {@code metrics} and in a report. */
    public String field() {
        return field;
    }

    /** Its column in the metrics table: the field in snake case ({@code mediaStarts}: {@code media_starts}). */
    public String column() {
        return column;
    }

    public Unit unit() {
        return unit;
    }

    public Aggregation aggregation() {
        return aggregation;
    }

    public Presence presence() {
        return presence;
    }

    /**
     * The session's figure as a store keeps it, a whole number of {@code 1/scale} of its unit (rounded to the
     * nearest), or {@code null} when the session has none (no length, no QoE reading).
     */
    public Long stored(MediaMetrics metrics) {
        Number figure = value.apply(metrics);
        if (figure == null) {
            return null;
        }
        return unit == Unit.COUNT ? figure.longValue() : Math.round(figure.doubleValue() * unit.scale);
    }

    /** A whole number of {@code 1/scale} back in the figure's unit: the count itself, or seconds, kbps, viewers. */
    public Number fromStored(long stored) {
        return unit == Unit.COUNT ? (Number) stored : (Number) ((double) stored / unit.scale);
    }
}
