package dev.mediacollection.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** A whole expiry sweep's sessions, gathered from its writes, for a test to look at together. */
public final class WholeSweep {

    private WholeSweep() {
    }

    /** Sweeps {@code store} at {@code now}; completes with what all its writes expired, their count checked. */
    public static CompletionStage<ExpiredSessions> expire(SessionStore store, Instant now) {
        List<ExpiredSessions> writes = new ArrayList<>();
        return store.expireSessions(now, expired -> {
            synchronized (writes) {
                writes.add(expired);
            }
        }).thenApply(count -> {
            synchronized (writes) {
                ExpiredSessions all = new ExpiredSessions(writes.stream().mapToInt(ExpiredSessions::idle).sum(),
                        writes.stream().mapToInt(ExpiredSessions::stalled).sum(),
                        writes.stream().flatMap(write -> write.ids().stream()).toList());
                assertThat(count).as("the sweep's count").isEqualTo(all.total()).isEqualTo(all.ids().size());
                return all;
            }
        });
    }
}
