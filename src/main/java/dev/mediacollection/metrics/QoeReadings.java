package dev.mediacollection.metrics;

import com.fasterxml.jackson.databind.JsonNode;

/** What the player reported in {@code qoeData}. */
final class QoeReadings {

    private Long bitrate;
    private Long droppedFrames;
    private Double timeToStart;

    void observe(JsonNode qoe) {
        if (qoe.has("media.qoe.bitrate")) {
            bitrate = qoe.get("media.qoe.bitrate").asLong();
        }
        if (qoe.has("media.qoe.droppedFrames")) {
            droppedFrames = qoe.get("media.qoe.droppedFrames").asLong();
        }
        if (timeToStart == null && qoe.has("media.qoe.timeToStart")) {
            timeToStart = qoe.get("media.qoe.timeToStart").asLong() / 1000.0;
        }
    }

    /** The latest bitrate reported (bps), or {@code null}. */
    Long bitrate() {
        return bitrate;
    }

    /** The latest dropped-frame count reported: players report a running total. */
    Long droppedFrames() {
        return droppedFrames;
    }

    /** The first time to start reported, in seconds (players report milliseconds). */
    Double timeToStart() {
        return timeToStart;
    }
}
