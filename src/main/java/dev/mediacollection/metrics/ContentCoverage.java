package dev.mediacollection.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which parts of the content's timeline were played, and how far the playhead got. */
final class ContentCoverage {

    /** Adobe's content segments are five minutes of the content's timeline. */
    static final double SEGMENT_SECONDS = 300;

    private final List<double[]> ranges = new ArrayList<>();
    private double furthestPlayhead = Double.NEGATIVE_INFINITY;

    /**
     * Content played for {@code seconds} while the playhead went from {@code from} to {@code to}. An advance larger
     * than the time elapsed is a seek: only the time elapsed counts as timeline played.
     */
    void played(double from, double to, double seconds) {
        double reached = Math.min(to, from + seconds);
        if (reached > from) {
            ranges.add(new double[] { from, reached });
        }
    }

    /** An event brought this playhead while content had started and no ad break was running. */
    void reached(double playhead) {
        furthestPlayhead = Math.max(furthestPlayhead, playhead);
    }

    /** The length of the union of the ranges played. */
    double uniqueSeconds() {
        return union().stream().mapToDouble(range -> range[1] - range[0]).sum();
    }

    /**
     * How many five-minute segments of the timeline ({@code [0, 300)}, {@code [300, 600)}, ...) were played in. Counted
     * from the union's bounds rather than segment by segment: a playhead can be any number.
     */
    int segmentsPlayed() {
        long segments = 0;
        double lastCounted = Double.NEGATIVE_INFINITY;
        for (double[] range : union()) {
            double first = Math.max(Math.floor(Math.max(range[0], 0) / SEGMENT_SECONDS), lastCounted + 1);
            double last = Math.ceil(range[1] / SEGMENT_SECONDS) - 1;
            if (last >= first) {
                segments += (long) (last - first) + 1;
                lastCounted = last;
            }
        }
        return (int) Math.min(segments, Integer.MAX_VALUE);
    }

    /** The ranges played, merged into disjoint ones in timeline order. */
    private List<double[]> union() {
        ranges.sort(Comparator.comparingDouble(range -> range[0]));
        List<double[]> union = new ArrayList<>();
        for (double[] range : ranges) {
            double[] last = union.isEmpty() ? null : union.get(union.size() - 1);
            if (last != null && range[0] <= last[1]) {
                last[1] = Math.max(last[1], range[1]);
            } else {
                union.add(range.clone());
            }
        }
        return union;
    }

    /** 1 once the playhead reached {@code percent} % of a positive {@code length}. */
    int progress(int percent, double length) {
        return length > 0 && furthestPlayhead >= length * percent / 100 ? 1 : 0;
    }
}
