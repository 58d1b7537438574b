package dev.mediacollection.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import dev.mediacollection.validation.UnknownKeyPolicy;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, {@code mc.*} in application.properties or {@code MC_*} in the environment. */
@ConfigMapping(prefix = "mc")
public interface CollectorConfig {

    Limits limits();

    Validation validation();

    Sessions sessions();

    Store store();

    interface Limits {
        /** Largest single-event body (sessionStart or event); larger ones get 413. */
        @WithDefault("64K")
        MemorySize maxBodySize();

        /** Largest downloaded-session batch; larger ones get 413. */
        @WithDefault("1M")
        MemorySize maxBatchSize();
    }

    interface Validation {
        /** {@code reject}: unknown keys are a 400, as in Adobe's schemas. {@code accept}: kept and logged. */
        @WithDefault("reject")
        UnknownKeyPolicy unknownKeys();
    }

    interface Sessions {
        /** A session with no event for this long expires (Adobe: 10 minutes). */
        @WithDefault("10M")
        Duration idleTimeout();

        /** A session whose playhead has not moved for this long expires (Adobe: 30 minutes). */
        @WithDefault("30M")
        Duration stalledTimeout();

        /** How often expired sessions are closed without waiting for traffic. */
        @WithDefault("30S")
        Duration sweepInterval();
    }

    interface Store {
        Memory memory();

        interface Memory {
            /** Sessions the in-memory store holds before it answers 503. */
            @WithDefault("100000")
            @Min(1)
            @Max(100_000_000)
            int maxSessions();

            /** Events the in-memory store holds before it answers 503. */
            @WithDefault("5000000")
            @Min(1)
            long maxEvents();
        }
    }
}
