package dev.mediacollection.lint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Events that arrived after an event with a later {@code ts}: each late event, the first-arrived of the events that
 * overtook it, how much later it came and how many events arrived in between. Arrival order, not processing order;
 * the sessionStart takes no part (Adobe processes it first whatever its {@code ts}).
 */
final class Overtaking {

    /** A late event. */
    record Late(LintEvent event, LintEvent overtakenBy, long delayMs, int arrivedBetween) {
    }

    private Overtaking() {
    }

    static List<Late> in(LintSession session) {
        List<LintEvent> arrived = session.events();
        List<Late> late = new ArrayList<>();
        // highestTs[i]: the highest ts among the first i + 1 arrivals; the first arrival above a ts is found by
        // binary search, since the prefix maximum never decreases.
        long[] highestTs = new long[arrived.size()];
        for (int i = 0; i < arrived.size(); i++) {
            LintEvent event = arrived.get(i);
            highestTs[i] = i == 0 ? event.ts() : Math.max(highestTs[i - 1], event.ts());
            if (i > 0 && highestTs[i - 1] > event.ts()) {
                int first = firstAbove(highestTs, i, event.ts());
                LintEvent overtaker = arrived.get(first);
                long delay = Duration.between(overtaker.receivedAt(), event.receivedAt()).toMillis();
                late.add(new Late(event, overtaker, delay, i - first - 1));
            }
        }
        return late;
    }

    private static int firstAbove(long[] highestTs, int end, long ts) {
        int low = 0;
        int high = end - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (highestTs[middle] > ts) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
