package dev.mediacollection.tracking;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Whether a run of background work (session-level checks, report metrics) gives way to the players this time: it
 * does when the process kept the CPUs it may use at least {@value #BUSY} busy since the last look. Never more than a
 * number of times in a row, so that under a constant load the work is slowed, never stopped; nothing it would do is
 * lost by waiting (the sessions stay queued, the closed sessions stay to finalise).
 */
final class GiveWay {

    static final double BUSY = 0.8;
    /** Runs in a row that may give way: a run at least once a minute with the default 5 s intervals. */
    static final int MOST_RUNS_GIVING_WAY = 11;
    /** The share of its interval a run may work, so that a backlog is worked off over several runs. */
    private static final int RUN_SHARE_DIVISOR = 5;

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

    /** For a scheduled job: this process's CPU, {@value #MOST_RUNS_GIVING_WAY} runs in a row at most. */
    static GiveWay toBusyCpu() {
        return new GiveWay(new ProcessCpu(), MOST_RUNS_GIVING_WAY);
    }

    /** How long a run of a job scheduled every {@code interval} may work: a fifth of it. */
    static Duration runTime(Duration interval) {
        return interval.dividedBy(RUN_SHARE_DIVISOR);
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
