package dev.mediacollection.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mediacollection.session.CloseCause;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ServiceMetricsTest {

    private Locale jvmDefault;

    @BeforeEach
    void turkishDefaultLocale() {
        jvmDefault = Locale.getDefault();
        // Turkish lower-cases I to a dotless ı: IDLE would be labelled "ıdle".
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @AfterEach
    void restoreDefaultLocale() {
        Locale.setDefault(jvmDefault);
    }

    @Test
    void closeCausesAreLabelledAsDocumentedWhateverTheDefaultLocale() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ServiceMetrics metrics = new ServiceMetrics(registry);

        metrics.sessionsClosed(CloseCause.IDLE, 2);

        assertThat(registry.get("mc.sessions.closed").counters())
                .extracting(counter -> counter.getId().getTag("cause"))
                .containsExactlyInAnyOrder("session_end", "idle", "stalled", "downloaded");
        Counter idle = registry.get("mc.sessions.closed").tag("cause", "idle").counter();
        assertThat(idle.count()).isEqualTo(2);
    }
}
