package dev.mediacollection.metrics;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The metrics Adobe's processing derives from one session, as one flat JSON object: each field is named after its
 * Adobe metric page, {@code help/reporting/metrics/<page>.md}, in camelCase (docs/metrics.md lists them with their
 * rules). The groups follow Adobe's report-suite settings (Media Core, Media Ads, Media Chapters, Media Quality,
 * Player State Tracking) and exist only to keep the Java readable: Jackson writes their fields inline. Durations are
 * seconds of device time.
 *
 * @param isFinal      {@code true} once the session stopped taking events: these are the metrics for good; while it
 *                     is open they describe it up to its last event and can still change
 * @param computedUpTo {@code playerTime.ts} (epoch ms, device clock) of the last event the metrics include
 */
public record MediaMetrics(
        @JsonProperty("final") boolean isFinal,
        long computedUpTo,
        @JsonUnwrapped Core core,
        @JsonUnwrapped Ads ads,
        @JsonUnwrapped Chapters chapters,
        @JsonUnwrapped Quality quality,
        @JsonUnwrapped PlayerStates playerStates) {

    /** Starts, completes, time spent, audience, progress and pauses (Adobe's "Media Core"). */
    public record Core(
            int mediaStarts,
            int contentResumes,
            int contentStarts,
            int contentCompletes,
            double contentTimeSpent,
            double mediaTimeSpent,
            double uniqueTimePlayed,
            Double averageMinuteAudience,
            int contentSegmentViews,
            int estimatedStreams,
            int progress10,
            int progress25,
            int progress50,
            int progress75,
            int progress95,
            int pauseEvents,
            double totalPauseDuration,
            int pausedImpactedStreams,
            int authorized) {
    }

    /** Ads tracked inside ad breaks (Adobe's "Media Ads"). */
    public record Ads(int adStarts, int adCompletes, double adTimeSpent, int adCount) {
    }

    /** Chapters (Adobe's "Media Chapters"). */
    public record Chapters(int chapterStarts, int chapterCompletes, double chapterTimeSpent, int chapterCount) {
    }

    /** Quality of experience (Adobe's "Media Quality"). */
    public record Quality(
            Double timeToStart,
            int dropsBeforeStart,
            int bufferEvents,
            double totalBufferDuration,
            int bufferImpactedStreams,
            int stallEvents,
            double totalStallingDuration,
            int stallImpactedStreams,
            int errorEvents,
            int errorImpactedStreams,
            int bitrateChanges,
            int bitrateChangeImpactedStreams,
            Double averageBitrate,
            Long droppedFrames,
            int droppedFrameImpactedStreams) {
    }

    /**
     * The five standard player states by the names of their metric pages (Adobe's "Player State Tracking"), and
     * every state kept, standard or custom, by Adobe's variable name {@code a.media.states.<name>}.
     */
    public record PlayerStates(
            int closedCaptioningCount,
            int closedCaptioningStreamsImpacted,
            double closedCaptioningTotalDuration,
            int fullScreenCount,
            int fullScreenStreamsImpacted,
            double fullScreenTotalDuration,
            int inFocusCount,
            int inFocusStreamsImpacted,
            double inFocusTotalDuration,
            int muteCount,
            int muteStreamsImpacted,
            double muteTotalDuration,
            int pictureInPictureCount,
            int pictureInPictureStreamsImpacted,
            double pictureInPictureTotalDuration,
            Map<String, StateMetrics> states) {
    }

    /**
     * One player state: {@code a.media.states.<name>.set}, {@code .count}, {@code .time}.
     *
     * @param set   1 if it was ever on (its "streams impacted")
     * @param count how often it was turned on
     * @param time  seconds it was on (its "total duration")
     */
    public record StateMetrics(int set, int count, double time) {
    }
}
