package dev.mediacollection.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of a group of sessions, added up as {@link SessionMetric} says: per figure, the sum of what the sessions
 * have (in stored units, whole numbers) and how many have it. Totals from a store and from sessions computed when
 * read add up to the same totals as if every session had been stored, so a report can take each from where it is.
 * Not thread-safe.
 */
public final class MetricTotals {

    private long sessions;
    private long openSessions;
    private final long[] sums = new long[SessionMetric.ALL.size()];
    private final long[] reported = new long[SessionMetric.ALL.size()];

    /** One more session, with its metrics (final or computed up to its last event). */
    public MetricTotals add(MediaMetrics metrics) {
        sessions++;
        if (!metrics.isFinal()) {
            openSessions++;
        }
        for (SessionMetric metric : SessionMetric.ALL) {
            Long stored = metric.stored(metrics);
            if (stored != null) {
                sums[metric.ordinal()] += stored;
                reported[metric.ordinal()]++;
            }
        }
        return this;
    }

    /**
     * Closed sessions added up by a store: their number, and per figure (in {@link SessionMetric#ALL}'s order) the
     * sum of its stored values and how many sessions have one.
     */
    public MetricTotals addStored(long closedSessions, long[] storedSums, long[] storedReported) {
        if (storedSums.length != sums.length || storedReported.length != reported.length) {
            throw new IllegalArgumentException("One sum and one count per figure of SessionMetric.ALL");
        }
        sessions += closedSessions;
        for (int i = 0; i < sums.length; i++) {
            sums[i] += storedSums[i];
            reported[i] += storedReported[i];
        }
        return this;
    }

    public MetricTotals add(MetricTotals other) {
        sessions += other.sessions;
        openSessions += other.openSessions;
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
            reported[i] += other.reported[i];
        }
        return this;
    }

    public long sessions() {
        return sessions;
    }

    /**
     * The figures by name, in the list's order: {@code sessions}, {@code openSessions} (still taking events, so
     * counted up to their last event), each {@link SessionMetric} (one every session has is 0 over no session; one
     * only some have is absent when none has it), then each {@link CalculatedMetric} (absent when its divisor is 0 or
     * its dividend absent).
     */
    public Map<String, Number> figures() {
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("sessions", sessions);
        figures.put("openSessions", openSessions);
        for (SessionMetric metric : SessionMetric.ALL) {
            int i = metric.ordinal();
            if (metric.aggregation() == SessionMetric.Aggregation.MEAN) {
                if (reported[i] > 0) {
                    figures.put(metric.field(), metric.fromStored(Math.round((double) sums[i] / reported[i])));
                }
            } else if (reported[i] > 0 || metric.presence() == SessionMetric.Presence.ALWAYS) {
                figures.put(metric.field(), metric.fromStored(sums[i]));
            }
        }
        for (CalculatedMetric calculated : CalculatedMetric.ALL) {
            int dividend = calculated.numerator().ordinal();
            int divisor = calculated.denominator().ordinal();
            if (reported[dividend] > 0 && sums[divisor] != 0) {
                // The quotient of the two figures as reported, each in its own unit.
                figures.put(calculated.field(), figures.get(calculated.numerator().field()).doubleValue()
                        / figures.get(calculated.denominator().field()).doubleValue());
            }
        }
        return figures;
    }
}
