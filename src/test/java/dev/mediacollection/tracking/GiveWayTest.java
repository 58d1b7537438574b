package dev.mediacollection.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.DoubleStream;

import org.junit.jupiter.api.Test;

/** Background runs give way to a busy CPU, a bounded number of times in a row; and the CPU share they read. */
class GiveWayTest {

    private static List<Boolean> runs(int mostInARow, double... loads) {
        PrimitiveIterator.OfDouble readings = DoubleStream.of(loads).iterator();
        GiveWay giveWay = new GiveWay(readings::nextDouble, mostInARow);
        List<Boolean> skipped = new ArrayList<>();
        for (int i = 0; i < loads.length; i++) {
            skipped.add(giveWay.now());
        }
        return skipped;
    }

    @Test
    void aRunGivesWayWhileTheProcessKeepsItsCpusBusy() {
        assertThat(runs(11, 0.2, 0.79, 0.8, 1.0, 0.5)).containsExactly(false, false, true, true, false);
    }

    @Test
    void neverMoreThanItsRunsInARowSoThatAConstantLoadSlowsTheWorkWithoutStoppingIt() {
        assertThat(runs(2, 1, 1, 1, 1, 1, 1, 0.1, 1)).containsExactly(true, true, false, true, true, false, false,
                true);
    }

    @Test
    void theShareOfItsCpusTheProcessUsedSinceTheLastLook() {
        ProcessCpu cpu = new ProcessCpu();
        long until = System.nanoTime() + 300_000_000L;
        long spun = 0;
        while (System.nanoTime() < until) {
            spun++;
        }

        double busy = cpu.getAsDouble();
        assertThat(spun).isPositive();
        assertThat(busy).as("one thread spinning on %d CPUs", Runtime.getRuntime().availableProcessors())
                .isGreaterThan(0.05).isLessThanOrEqualTo(1);
    }
}
