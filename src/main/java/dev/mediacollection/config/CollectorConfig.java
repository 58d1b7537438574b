package dev.mediacollection.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mediacollection.lint.AdPingInterval;
import dev.mediacollection.store.StoreKind;
import dev.mediacollection.stream.StreamKind;
import dev.mediacollection.validation.ValidationProfile;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/**
 * The service's own settings, {@code mc.*} in application.properties or {@code MC_*} in the environment. Their
 * defaults are written once, in application.properties, not with {@code @WithDefault} here: Quarkus fixes
 * {@code quarkus.rest.input-buffer-size} at build time from {@code mc.limits.max-body-size}, and a build-time
 * expression cannot see a mapping's defaults. The bounds of the numeric ones are checked by {@link SettingBounds}.
 */
@ConfigMapping(prefix = "mc")
public interface CollectorConfig {

    Limits limits();

    Validation validation();

    Sessions sessions();

    Store store();

    Inspection inspection();

    Lint lint();

    interface Lint {
        /**
         * Whether sessions are checked against the ordering and pacing rules of docs/lint.md, in the background, and
         * their session-level findings kept.
         */
        boolean enabled();

        /**
         * How often the sessions that received events (or closed) since the last check are looked at. A run works
         * at most a fifth of this long, so that a backlog (thousands of sessions closed by one expiry sweep) is
         * worked off over several runs instead of holding the store and a CPU.
         */
        Duration interval();

        /**
         * How long an open session's new events may wait to be checked, once they make it a quarter longer than at
         * its last check: sooner when it doubles or closes, later while its new events are fewer (a long session
         * costs a check per quarter of its growth, not one per interval).
         */
        Duration maxDelay();

        /**
         * How many events of open sessions are kept in memory, as the rules read them, so that a session's next
         * check reads only the events it has not seen; past this, the least recently checked sessions are read
         * whole again at their next check.
         */
        int cacheEvents();

        /** The ids of rules never to apply. */
        Optional<Set<String>> disabledRules();

        /**
         * How often ads must ping: {@code auto} (every second in sessions that show they ping every second in ads,
         * every 10 seconds in the others), {@code ten-seconds} or {@code one-second}.
         */
        AdPingInterval adPingInterval();
    }

    Reports reports();

    interface Reports {
        /** How often the finaliser looks for closed sessions whose metrics are not stored yet. */
        Duration finaliseInterval();

        /** Sessions finalised per batch: one batch of reads, then one group of writes, at a time. */
        int finaliseBatch();
    }

    Stream stream();

    Relay relay();

    /**
     * Every accepted session relayed to an upstream Media Collection API through the store's outbox, as a player
     * would send it (docs/relay.md). The relay's rounds work as the stream's do, with settings of their own.
     */
    interface Relay {
        /**
         * The upstream's base URL: Adobe's {@code https://{namespace}.hb-api.omtrdc.net}, or another instance of this
         * service; unset, nothing is relayed and nothing extra is stored.
         */
        Optional<String> url();

        /** Only sessions whose {@code sessionStart} has one of these {@code media.channel}s are relayed; unset: all. */
        Optional<List<String>> channels();

        /** The longest an attempt waits for a connection, and then for each part of the answer. */
        Duration timeout();

        /** Requests to the upstream under way at once: the most sessions relayed at the same moment. */
        int connections();

        /** Most outbox entries taken in one round. */
        int batchSize();

        /** How long the relay waits for new entries once caught up; also a session's first wait after a failure. */
        Duration pollInterval();

        /** The longest wait before a session (or a round) is tried again after failures in a row. */
        Duration maxBackoff();
    }

    /** Every accepted write relayed to a stream through the store's outbox (docs/streaming.md). */
    interface Stream {
        /** {@code none}: off, nothing extra is stored; {@code kafka}: relayed to Apache Kafka. */
        StreamKind kind();

        /** Most outbox entries relayed in one round. */
        int batchSize();

        /** How long the relay waits for new entries once it has caught up; also its first backoff. */
        Duration pollInterval();

        /** The longest wait between two attempts while the destination cannot be reached. */
        Duration maxBackoff();

        Kafka kafka();

        interface Kafka {
            /** The brokers to start from, {@code host:port,…}; required with {@code kind=kafka}. */
            Optional<String> bootstrapServers();

            /** The topic every record goes to. */
            String topic();
        }
    }

    interface Inspection {
        /**
         * The token the inspection endpoints (read-back and rejections) require as {@code Authorization: Bearer};
         * unset, they are open.
         */
        Optional<String> token();

        /** How many of the most recent rejected requests are kept. */
        int rejections();
    }

    interface Limits {
        /** Largest single-event body (sessionStart or event); larger ones get 413. */
        MemorySize maxBodySize();

        /** Largest downloaded-session batch; larger ones get 413. */
        MemorySize maxBatchSize();

        /**
         * Collection requests (POSTs under /api/v1) handled at once; beyond it a request is shed at once with 503
         * and Retry-After instead of queueing without bound.
         */
        int maxInFlight();

        /**
         * On SIGTERM, how long collection requests are still taken while they keep coming (a load balancer's time
         * to see the readiness check go down); once none came for 100 ms, or after this, they get 503.
         */
        Duration shutdownGrace();
    }

    interface Validation {
        /**
         * Which rules of the contract refuse a request ({@code 400}) and which are kept with it as findings:
         * {@code lenient} refuses only what cannot be kept, {@code adobe} what Adobe's published schemas refuse,
         * {@code strict} every rule.
         */
        ValidationProfile profile();
    }

    interface Sessions {
        /** A session with no event for this long expires (Adobe: 10 minutes). */
        Duration idleTimeout();

        /** A session whose playhead has not moved for this long expires (Adobe: 30 minutes). */
        Duration stalledTimeout();

        /** How often expired sessions are closed without waiting for traffic. */
        Duration sweepInterval();

        /**
         * For this long after a {@code sessionEnd} arrives, an event that happened before it (by {@code ts}) is still
         * kept: players send several hits at once, and Adobe buffers a few seconds and orders events by {@code ts}.
         */
        Duration lateEventWindow();
    }

    interface Store {
        /**
         * Which store keeps the data. Unset: PostgreSQL when a datasource URL is configured
         * ({@code quarkus.datasource.jdbc.url}), the embedded store otherwise.
         */
        Optional<StoreKind> kind();

        /** Where the embedded store keeps its files. */
        Path dataDir();

        /** Closed sessions older than this are deleted with their events. */
        Duration retention();

        /** How often the retention runs. */
        Duration retentionInterval();

        /** Threads that serve reads. */
        int readThreads();

        GroupCommit groupCommit();

        Memory memory();

        interface GroupCommit {
            /** Concurrent writer connections on PostgreSQL (the embedded store has one writer). */
            int writers();

            /** Most writes in one commit. */
            int maxBatch();

            /** How long a writer waits for more writes once it has one. */
            Duration maxDelay();

            /** Writes that may wait for a commit; beyond it, 503 rather than an unbounded queue. */
            int queueCapacity();
        }

        interface Memory {
            /** Sessions the in-memory store holds before it answers 503. */
            int maxSessions();

            /** Events the in-memory store holds before it answers 503. */
            long maxEvents();
        }
    }
}
