package dev.mediacollection.tracking;

import java.util.function.DoubleSupplier;

/**
 * Whether a run of background work (session-level checks, report metrics) gives way to the players this time: it
 * does when the process kept the CPUs it may use at least {@value #BUSY} busy since the last look. Never more than a
 * number of times in a row, so that under a constant load the work is slowed, never stopped; nothing it would do is
 * lost by waiting (the sessions stay queued, the closed sessions stay to finalise).
 */
final class GiveWay {

    static final double BUSY = 0.8;

    private final DoubleSupplier cpuLoad;
    private final int mostInARow;
    private int inARow;

    /**
     * @param cpuLoad    the share of its CPUs the process used since the previous call, 0 to 1
     * @param mostInARow how many runs in a row may give way
     */
    GiveWay(DoubleSupplier cpuLoad, int mostInARow) {
        this.cpuLoad = cpuLoad;
        this.mostInARow = mostInARow;
    }

    /** Called once per scheduled run: {@code true} to skip this one. */
    synchronized boolean now() {
        if (cpuLoad.getAsDouble() >= BUSY && inARow < mostInARow) {
            inARow++;
            return true;
        }
        inARow = 0;
        return false;
    }
}
