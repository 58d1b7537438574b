package dev.mediacollection.tracking;

import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;

/**
 * The share of the CPUs it may use (its affinity, or its container's limit) that this process used since the
 * previous call: the JVM's CPU time over the wall time times {@link Runtime#availableProcessors()}. 0 where the JVM
 * does not report its CPU time.
 */
final class ProcessCpu implements DoubleSupplier {

    private final com.sun.management.OperatingSystemMXBean os;
    private long lastCpuNanos;
    private long lastWallNanos;

    ProcessCpu() {
        this.os = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean
                ? bean
                : null;
        this.lastCpuNanos = cpuNanos();
        this.lastWallNanos = System.nanoTime();
    }

    @Override
    public synchronized double getAsDouble() {
        long cpu = cpuNanos();
        long wall = System.nanoTime();
        long elapsed = wall - lastWallNanos;
        double share = cpu < 0 || elapsed <= 0 ? 0
                : (double) (cpu - lastCpuNanos) / elapsed / Runtime.getRuntime().availableProcessors();
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        return Math.max(0, Math.min(1, share));
    }

    private long cpuNanos() {
        return os == null ? -1 : os.getProcessCpuTime();
    }
}
