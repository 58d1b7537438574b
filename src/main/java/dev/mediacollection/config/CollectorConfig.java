package dev.mediacollection.config;

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

    Store store();

    interface Limits {
        /** Largest request body accepted; larger ones get 413. */
        @WithDefault("64K")
        MemorySize maxBodySize();
    }

    interface Validation {
        /** {@code reject}: unknown keys are a 400, as in Adobe's schemas. {@code accept}: kept and logged. */
        @WithDefault("reject")
        UnknownKeyPolicy unknownKeys();
    }

    interface Store {
        Memory memory();

        interface Memory {
            /** Sessions the in-memory store holds before it answers 503. */
            @WithDefault("100000")
            @Min(1)
            @Max(100_000_000)
            int maxSessions();
        }
    }
}
