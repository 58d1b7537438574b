package dev.mediacollection.api.rejection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mediacollection.api.monitoring.RequestObserver;
import dev.mediacollection.api.problem.ProblemType;
import dev.mediacollection.config.CollectorConfig;
import dev.mediacollection.generated.model.Problem;

/**
 * The most recent requests the collection endpoints refused, with the problem each got: what Adobe never shows a
 * player team. Bounded ({@code mc.inspection.rejections} rejections, each body cut at {@code mc.limits.max-body-size}
 * characters), in memory, per instance.
 */
@ApplicationScoped
public class RejectionLog {

    /** A refused request: when, where, what was sent (as far as it was read), and the answer. */
    public record Rejection(Instant at, String method, String path, String body, Problem problem) {
    }

    private final int capacity;
    private final int maxBodyChars;
    private final Clock clock;
    private final RequestObserver observer;
    private final Deque<Rejection> newestFirst = new ArrayDeque<>();

    RejectionLog(CollectorConfig config, Clock clock, RequestObserver observer) {
        this.capacity = config.inspection().rejections();
        // A refused batch may be a megabyte; kept whole, the log alone could hold half a gigabyte.
        this.maxBodyChars = (int) Math.min(config.limits().maxBodySize().asLongValue(), Integer.MAX_VALUE);
        this.clock = clock;
        this.observer = observer;
    }

    public void record(String method, String path, String body, Problem problem) {
        observer.rejected(ProblemType.ofUri(problem.getType()));
        if (capacity == 0) {
            return;
        }
        String kept = body == null || body.length() <= maxBodyChars ? body : body.substring(0, maxBodyChars);
        Rejection rejection = new Rejection(clock.instant(), method, path, kept, problem);
        synchronized (newestFirst) {
            newestFirst.addFirst(rejection);
            if (newestFirst.size() > capacity) {
                newestFirst.removeLast();
            }
        }
    }

    public List<Rejection> newest(int limit) {
        synchronized (newestFirst) {
            return new ArrayList<>(newestFirst).subList(0, Math.min(limit, newestFirst.size()));
        }
    }
}
