package dev.mediacollection.support;

import java.util.concurrent.TimeUnit;

import dev.mediacollection.tracking.ExpirySweep;

/** Runs the expiry sweep at once, for tests that drive time (their profile turns the schedule off). */
public final class SweepNow {

    private SweepNow() {
    }

    /** Sweeps, and returns once the sweep is over and its metrics are updated. */
    public static void run(ExpirySweep sweep) {
        try {
            sweep.sweep().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The sweep did not finish", e);
        }
    }
}
