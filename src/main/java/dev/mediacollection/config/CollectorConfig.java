package dev.mediacollection.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import dev.mediacollection.store.StoreKind;
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

    Inspection inspection();

    interface Inspection {
        /**
         * The token the inspection endpoints (read-back and rejections) require as {@code Authorization: Bearer};
         * unset, they are open.
         */
        Optional<String> token();

        /** How many of the most recent rejected requests are kept. */
        @WithDefault("500")
        @Min(0)
        @Max(100_000)
        int rejections();
    }

    interface Limits {
        /** Largest single-event body (sessionStart or event); larger ones get 413. */
        @WithDefault("64K")
        MemorySize maxBodySize();

        /** Largest downloaded-session batch; larger ones get 413. */
        @WithDefault("1M")
        MemorySize maxBatchSize();

        /**
         * Collection requests (POSTs under /api/v1) handled at once; beyond it a request is shed at once with 503
         * and Retry-After instead of queueing without bound.
         */
        @WithDefault("1000")
        @Min(1)
        int maxInFlight();
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
        /**
         * Which store keeps the data. Unset: PostgreSQL when a datasource URL is configured
         * ({@code quarkus.datasource.jdbc.url}), the embedded store otherwise.
         */
        Optional<StoreKind> kind();

        /** Where the embedded store keeps its files. */
        @WithDefault("data")
        Path dataDir();

        /** Closed sessions older than this are deleted with their events. */
        @WithDefault("30D")
        Duration retention();

        /** How often the retention runs. */
        @WithDefault("1H")
        Duration retentionInterval();

        /** Threads that serve reads. */
        @WithDefault("4")
        @Min(1)
        int readThreads();

        GroupCommit groupCommit();

        Memory memory();

        interface GroupCommit {
            /** Concurrent writer connections on PostgreSQL (the embedded store has one writer). */
            @WithDefault("4")
            @Min(1)
            int writers();

            /** Most writes in one commit. */
            @WithDefault("256")
            @Min(1)
            int maxBatch();

            /** How long a writer waits for more writes once it has one. */
            @WithDefault("1MS")
            Duration maxDelay();

            /** Writes that may wait for a commit; beyond it, 503 rather than an unbounded queue. */
            @WithDefault("20000")
            @Min(1)
            int queueCapacity();
        }

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
