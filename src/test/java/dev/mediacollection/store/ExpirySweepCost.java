package dev.mediacollection.store;

import static dev.mediacollection.store.SessionStoreContract.T0;
import static dev.mediacollection.store.SessionStoreContract.await;
import static dev.mediacollection.store.SessionStoreContract.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the outbox costs an expiry sweep: a sweep that expires many sessions at once, with the stream off (no
 * outbox written, as before the outbox existed) and on (a close entry per expired session, in one batch). Prints
 * the times; asserts only what the sweep did, never how fast (speed targets live in bench/, see
 * bench/expiry-sweep). Run with {@code -Dtest.groups=bench}.
 */
@Tag("bench")
abstract class ExpirySweepCost {

    static final int SESSIONS = Integer.getInteger("bench.sweep.sessions", 20_000);
    static final int ROUNDS = 5;

    /** A fresh, empty store keeping outbox entries for these destinations. */
    abstract SessionStore newStore(Set<String> destinations);

    abstract String name();

    @Test
    void sweepManySessionsWithTheStreamOffAndOn() {
        // Small rounds of each first, so that both are measured with the JIT warm.
        for (int i = 0; i < 2; i++) {
            sweep(Set.of(), SESSIONS / 10);
            sweep(Set.of(OutboxContract.KAFKA), SESSIONS / 10);
        }
        // Interleaved, so that a burst of load on the machine hits both alike; the median of each.
        List<Long> off = new java.util.ArrayList<>();
        List<Long> on = new java.util.ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            off.add(sweep(Set.of(), SESSIONS));
            on.add(sweep(Set.of(OutboxContract.KAFKA), SESSIONS));
        }

        long medianOff = median(off);
        long medianOn = median(on);
        System.out.printf("%s: a sweep expiring %d sessions took %d ms with the stream off, %d ms on (%+.0f %%);"
                + " medians of %d rounds (off %s ms, on %s ms)%n", name(), SESSIONS, medianOff / 1_000_000,
                medianOn / 1_000_000, 100.0 * (medianOn - medianOff) / medianOff, ROUNDS, millis(off), millis(on));
    }

    private static long median(List<Long> nanos) {
        return nanos.stream().sorted().toList().get(nanos.size() / 2);
    }

    private static List<Long> millis(List<Long> nanos) {
        return nanos.stream().map(n -> n / 1_000_000).toList();
    }

    /** Opens {@code count} sessions, then times the sweep that expires them all; returns nanoseconds. */
    private long sweep(Set<String> destinations, int count) {
        SessionStore store = newStore(destinations);
        try {
            List<CompletableFuture<Void>> opened = IntStream.range(0, count)
                    .mapToObj(i -> store.create(session(T0)).toCompletableFuture()).toList();
            opened.forEach(CompletableFuture::join);

            long started = System.nanoTime();
            ExpiredSessions expired = await(WholeSweep.expire(store, T0.plus(Duration.ofMinutes(11))));
            long took = System.nanoTime() - started;

            assertThat(expired.idle()).isEqualTo(count);
            assertThat(await(store.outbox().orElseThrow().backlog(OutboxContract.KAFKA)).pending())
                    .isEqualTo(destinations.isEmpty() ? 0 : 2L * count);
            return took;
        } finally {
            if (store instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
