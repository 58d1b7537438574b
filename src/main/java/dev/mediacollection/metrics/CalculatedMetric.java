package dev.mediacollection.metrics;

import java.util.List;

/**
 * Adobe's streaming media calculated metrics ({@code help/reporting/calculated-metrics.md}): each the quotient of two
 * summed metrics over a report's sessions, named after Adobe's name in camelCase ("Media completion rate":
 * {@code mediaCompletionRate}, "Avg. media time spent": {@code avgMediaTimeSpent}).
 */
public enum CalculatedMetric {

    AVG_ADS_PER_MEDIA_STREAM("avgAdsPerMediaStream", SessionMetric.AD_STARTS, SessionMetric.MEDIA_STARTS),
    AVG_CHAPTERS_PER_MEDIA_STREAM("avgChaptersPerMediaStream", SessionMetric.CHAPTER_STARTS,
            SessionMetric.MEDIA_STARTS),
    AVG_MEDIA_TIME_SPENT("avgMediaTimeSpent", SessionMetric.MEDIA_TIME_SPENT, SessionMetric.MEDIA_STARTS),
    AVG_CONTENT_TIME_SPENT("avgContentTimeSpent", SessionMetric.CONTENT_TIME_SPENT, SessionMetric.CONTENT_STARTS),
    AVG_AD_TIME_SPENT("avgAdTimeSpent", SessionMetric.AD_TIME_SPENT, SessionMetric.AD_STARTS),
    AVG_CHAPTER_TIME_SPENT("avgChapterTimeSpent", SessionMetric.CHAPTER_TIME_SPENT, SessionMetric.CHAPTER_STARTS),
    MEDIA_COMPLETION_RATE("mediaCompletionRate", SessionMetric.CONTENT_COMPLETES, SessionMetric.MEDIA_STARTS),
    CONTENT_COMPLETION_RATE("contentCompletionRate", SessionMetric.CONTENT_COMPLETES, SessionMetric.CONTENT_STARTS),
    AD_COMPLETION_RATE("adCompletionRate", SessionMetric.AD_COMPLETES, SessionMetric.AD_STARTS),
    CHAPTER_COMPLETION_RATE("chapterCompletionRate", SessionMetric.CHAPTER_COMPLETES, SessionMetric.CHAPTER_STARTS),
    DROP_BEFORE_START_RATE("dropBeforeStartRate", SessionMetric.DROPS_BEFORE_START, SessionMetric.MEDIA_STARTS),
    CONTENT_PAUSE_DURATION_RATE("contentPauseDurationRate", SessionMetric.TOTAL_PAUSE_DURATION,
            SessionMetric.CONTENT_TIME_SPENT),
    CONTENT_BUFFER_DURATION_RATE("contentBufferDurationRate", SessionMetric.TOTAL_BUFFER_DURATION,
            SessionMetric.CONTENT_TIME_SPENT),
    CONTENT_TIME_TO_START_RATE("contentTimeToStartRate", SessionMetric.TIME_TO_START,
            SessionMetric.CONTENT_TIME_SPENT),
    AD_TIME_SPENT_RATE("adTimeSpentRate", SessionMetric.AD_TIME_SPENT, SessionMetric.CONTENT_TIME_SPENT);

    public static final List<CalculatedMetric> ALL = List.of(values());

    private final String field;
    private final SessionMetric numerator;
    private final SessionMetric denominator;

    CalculatedMetric(String field, SessionMetric numerator, SessionMetric denominator) {
        this.field = field;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public String field() {
        return field;
    }

    public SessionMetric numerator() {
        return numerator;
    }

    public SessionMetric denominator() {
        return denominator;
    }
}
