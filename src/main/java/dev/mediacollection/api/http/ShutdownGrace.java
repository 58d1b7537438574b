package dev.mediacollection.api.http;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long a stopping service goes on taking collection requests: while they keep coming (a load balancer that has
 * not yet seen the readiness check go down), at most the configured grace; as soon as none came for {@link #QUIET}.
 * An idle service stops at once; one under load takes what is still sent to it instead of refusing it.
 */
final class ShutdownGrace {

    /** No collection request for this long: nobody is sending here any more. */
    static final Duration QUIET = Duration.ofMillis(100);

    /** Waits, as {@link Thread#sleep(long)} does. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private volatile long lastRequest;

    ShutdownGrace(LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.lastRequest = nanoTime.getAsLong() - QUIET.toNanos();
    }

    static ShutdownGrace system() {
        return new ShutdownGrace(System::nanoTime, duration -> Thread.sleep(duration.toMillis()));
    }

    /** A collection request was taken. */
    void requested() {
        lastRequest = nanoTime.getAsLong();
    }

    /** Returns once requests stopped coming for {@link #QUIET}, or after {@code grace}, whichever is first. */
    void await(Duration grace) throws InterruptedException {
        long deadline = nanoTime.getAsLong() + grace.toNanos();
        long now;
        while ((now = nanoTime.getAsLong()) - deadline < 0) {
            long quietFor = now - lastRequest;
            if (quietFor >= QUIET.toNanos()) {
                return;
            }
            sleeper.sleep(Duration.ofNanos(Math.min(QUIET.toNanos() - quietFor, deadline - now)));
        }
    }
}
