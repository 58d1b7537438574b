package dev.mediacollection.store;

import java.time.Duration;
import java.time.Instant;

import dev.mediacollection.session.Session;

/**
 * What a report groups sessions by: a {@code sessionStart} param, or the day or hour the session opened. Days and
 * hours are UTC: times are kept as epoch milliseconds, and a bucket is a whole number of days or hours since the
 * epoch, which every database computes alike with integer division (no time zone, no date functions).
 */
public enum ReportDimension {
    MEDIA_ID,
    PLAYER_NAME,
    CHANNEL,
    CONTENT_TYPE,
    DAY(Duration.ofDays(1)),
    HOUR(Duration.ofHours(1));

    private final long bucketMillis;

    ReportDimension() {
        this.bucketMillis = 0;
    }

    ReportDimension(Duration bucket) {
        this.bucketMillis = bucket.toMillis();
    }

    /** Whether sessions are grouped by when they opened, rather than by a param. */
    public boolean isTime() {
        return bucketMillis > 0;
    }

    /** Milliseconds of a day or an hour. */
    public long bucketMillis() {
        return bucketMillis;
    }

    /** The group of a session: the param's value, or the start of its day or hour (RFC 3339, UTC). */
    public String keyOf(Session session) {
        return switch (this) {
            case MEDIA_ID -> session.mediaId();
            case PLAYER_NAME -> session.playerName();
            case CHANNEL -> session.channel();
            case CONTENT_TYPE -> session.contentType();
            case DAY, HOUR -> bucketKey(session.createdAt().toEpochMilli() / bucketMillis);
        };
    }

    /** The key of the {@code bucket}-th day or hour since the epoch: the instant it starts. */
    public String bucketKey(long bucket) {
        return Instant.ofEpochMilli(bucket * bucketMillis).toString();
    }
}
