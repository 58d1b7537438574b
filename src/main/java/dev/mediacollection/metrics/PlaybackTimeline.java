package dev.mediacollection.metrics;

import java.util.List;

/**
 * A session's playback as spans of device time, replayed with the same rules as its {@link MediaMetrics}: the spans
 * of each kind add up to that kind's metric.
 *
 * @param isFinal      as {@link MediaMetrics#isFinal()}
 * @param computedUpTo as {@link MediaMetrics#computedUpTo()}
 * @param spans        earliest first, none overlapping; time that counts toward no metric is in none
 */
public record PlaybackTimeline(boolean isFinal, long computedUpTo, List<PlaybackSpan> spans) {
}
