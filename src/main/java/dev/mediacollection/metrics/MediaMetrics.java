package dev.mediacollection.metrics;

import java.util.Map;

/**
 * The metrics Adobe's processing derives from one session (Adobe's context-data names in docs/metrics.md).
 * Durations are seconds of device time.
 */
public record MediaMetrics(
        int mediaStarts,
        int contentStarts,
        int contentCompletes,
        double contentTimeSpent,
        double mediaTimeSpent,
        double uniqueTimePlayed,
        int adStarts,
        int adCompletes,
        double adTimeSpent,
        int adCount,
        int chapterStarts,
        int chapterCompletes,
        double chapterTimeSpent,
        int chapterCount,
        int pauseCount,
        double pauseTime,
        int bufferCount,
        double bufferTime,
        int stallCount,
        double stallTime,
        int errorCount,
        int bitrateChangeCount,
        Double bitrateAverage,
        Long droppedFrames,
        Double timeToStart,
        int progress10,
        int progress25,
        int progress50,
        int progress75,
        int progress95,
        int dropBeforeStart,
        int resumed,
        int estimatedStreams,
        Map<String, StateMetrics> states) {

    /** One player state: whether it was ever on, how often it was turned on, and for how long. */
    public record StateMetrics(int set, int count, double time) {
    }
}
