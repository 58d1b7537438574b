import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.postgresql.ds.PGSimpleDataSource;

import dev.mediacollection.metrics.MetricTotals;
import dev.mediacollection.metrics.MetricsCalculator;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.store.ReportDimension;
import dev.mediacollection.store.ReportQuery;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;

/**
 * How long a report over many sessions takes on a store (see bench/report/run). Fills an empty store with closed
 * sessions whose metrics are stored, as the finaliser leaves them, spread over a week, then times a report by each
 * dimension; then opens more sessions, left open, and times the reports again: those are replayed when read.
 *
 * <pre>
 *   java -cp CLASSPATH ReportBench.java embedded DATA_DIR [SESSIONS] [OPEN_SESSIONS]
 *   java -cp CLASSPATH ReportBench.java postgresql JDBC_URL USER PASSWORD [SESSIONS] [OPEN_SESSIONS]
 * </pre>
 */
public class ReportBench {

    private static final SessionTimeouts TIMEOUTS = new SessionTimeouts(Duration.ofDays(365), Duration.ofDays(365),
            Duration.ofSeconds(5));
    private static final Instant WEEK_START = Instant.parse("2026-11-23T00:00:00Z");
    private static final int IN_FLIGHT = 2_000;
    private static final int RUNS = 10;
    private static final String[] PLAYERS = { "html5-player", "ios-player", "android-player", "chromecast", "roku" };
    private static final String[] CHANNELS = { "sports", "news", "kids", "drama", "music", "docs", "comedy",
        "weather", "film", "live-events" };
    private static final String[] CONTENT_TYPES = { "vod", "live", "linear" };

    public static void main(String[] args) throws Exception {
        boolean postgresql = args[0].equals("postgresql");
        int next = postgresql ? 4 : 2;
        int sessions = args.length > next ? Integer.parseInt(args[next]) : 100_000;
        int open = args.length > next + 1 ? Integer.parseInt(args[next + 1]) : 1_000;
        JdbcSessionStore store;
        if (postgresql) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(args[1]);
            dataSource.setUser(args[2]);
            dataSource.setPassword(args[3]);
            store = JdbcStores.postgresql(dataSource, TIMEOUTS,
                    new GroupCommitSettings(4, 256, Duration.ofMillis(1), 20_000), 4, StoreObserver.NONE);
        } else {
            store = JdbcStores.embedded(Path.of(args[1]), TIMEOUTS,
                    new GroupCommitSettings(1, 256, Duration.ofMillis(1), 20_000), 4, StoreObserver.NONE);
        }
        try {
            Random random = new Random(42);
            long started = System.nanoTime();
            long events = fill(store, sessions, true, random);
            System.out.printf("filled: %d closed sessions with stored metrics, %d events, in %.1f s%n", sessions,
                    events, (System.nanoTime() - started) / 1e9);
            time(store, args[0], sessions, 0);
            if (open > 0) {
                fill(store, open, false, random);
                time(store, args[0], sessions + open, open);
            }
        } finally {
            store.close();
        }
    }

    /** Sessions as players send them, created whole; closed ones with their metrics stored. */
    private static long fill(SessionStore store, int count, boolean closed, Random random) {
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long events = 0;
        for (int i = 0; i < count; i++) {
            Instant opened = WEEK_START.plusMillis((long) (random.nextDouble() * Duration.ofDays(7).toMillis()));
            Session session = session(opened, random);
            List<ReceivedEvent> played = playback(opened, random, closed);
            events += played.size();
            Lifecycle lifecycle = session.lifecycle();
            for (ReceivedEvent event : played) {
                lifecycle = lifecycle.after(event);
            }
            Session stored = session.withLifecycle(lifecycle);
            inFlight.add(store.create(stored, played).thenCompose(created -> closed
                    ? store.storeMetrics(stored.id(), played.size(), MetricsCalculator.of(stored, numbered(played)))
                    : CompletableFuture.completedFuture(true)).toCompletableFuture());
            if (inFlight.size() == IN_FLIGHT) {
                inFlight.forEach(CompletableFuture::join);
                inFlight.clear();
            }
        }
        inFlight.forEach(CompletableFuture::join);
        return events;
    }

    private static List<StoredEvent> numbered(List<ReceivedEvent> events) {
        List<StoredEvent> stored = new ArrayList<>();
        for (ReceivedEvent event : events) {
            stored.add(new StoredEvent(stored.size() + 1, event));
        }
        return stored;
    }

    private static Session session(Instant opened, Random random) {
        String mediaId = "video-" + random.nextInt(1_000);
        String player = PLAYERS[random.nextInt(PLAYERS.length)];
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        String contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        String body = "{\"playerTime\":{\"playhead\":0,\"ts\":" + opened.toEpochMilli() + "},\"eventType\":"
                + "\"sessionStart\",\"params\":{\"analytics.trackingServer\":\"metrics.example.com\","
                + "\"analytics.reportSuite\":\"examplersid\",\"visitor.marketingCloudOrgId\":"
                + "\"0123456789ABCDEF01234567@AdobeOrg\",\"media.id\":\"" + mediaId + "\",\"media.length\":600,"
                + "\"media.contentType\":\"" + contentType + "\",\"media.playerName\":\"" + player + "\","
                + "\"media.channel\":\"" + channel + "\"},\"qoeData\":{\"media.qoe.timeToStart\":"
                + (200 + random.nextInt(2_000)) + "}}";
        return new Session(SessionIds.next(), opened, new ReceivedEvent(EventType.SESSION_START, 0,
                opened.toEpochMilli(), opened, body), mediaId, player, channel, contentType,
                Lifecycle.opened(opened, 0));
    }

    /** A pre-roll now and then, play with pings every 10 s, a pause, a buffering, a bitrate change; then the end. */
    private static List<ReceivedEvent> playback(Instant opened, Random random, boolean closed) {
        List<ReceivedEvent> events = new ArrayList<>();
        long ms = 0;
        double playhead = 0;
        if (random.nextInt(10) < 3) {
            add(events, opened, ms, EventType.AD_BREAK_START, 0, "\"params\":{\"media.ad.podIndex\":0,"
                    + "\"media.ad.podSecond\":0}");
            add(events, opened, ms += 1, EventType.AD_START, 0, "\"params\":{\"media.ad.id\":\"ad-1\","
                    + "\"media.ad.length\":15,\"media.ad.podPosition\":1}");
            add(events, opened, ms += 15_000, EventType.AD_COMPLETE, 0, null);
            add(events, opened, ms += 1, EventType.AD_BREAK_COMPLETE, 0, null);
        }
        add(events, opened, ms += 1, EventType.PLAY, 0, "\"qoeData\":{\"media.qoe.bitrate\":"
                + (1_000_000 + random.nextInt(4_000_000)) + "}");
        int seconds = 20 + random.nextInt(180);
        for (int played = 10; played <= seconds; played += 10) {
            playhead += 10;
            add(events, opened, ms += 10_000, EventType.PING, playhead, null);
            if (played == 30 && random.nextInt(10) < 2) {
                add(events, opened, ms += 1, EventType.PAUSE_START, playhead, null);
                add(events, opened, ms += 5_000, EventType.PLAY, playhead, null);
            } else if (played == 40 && random.nextInt(10) < 2) {
                add(events, opened, ms += 1, EventType.BUFFER_START, playhead, null);
                add(events, opened, ms += 2_000, EventType.PLAY, playhead, null);
            } else if (played == 50 && random.nextInt(10) < 2) {
                add(events, opened, ms += 1, EventType.BITRATE_CHANGE, playhead,
                        "\"qoeData\":{\"media.qoe.bitrate\":" + (1_000_000 + random.nextInt(4_000_000)) + "}");
            }
        }
        if (closed) {
            if (random.nextInt(10) < 4) {
                add(events, opened, ms += 1, EventType.SESSION_COMPLETE, playhead, null);
            }
            add(events, opened, ms + 1, EventType.SESSION_END, playhead, null);
        }
        return events;
    }

    private static void add(List<ReceivedEvent> events, Instant opened, long ms, EventType type, double playhead,
            String members) {
        long ts = opened.toEpochMilli() + ms;
        String body = "{\"playerTime\":{\"playhead\":" + playhead + ",\"ts\":" + ts + "},\"eventType\":\""
                + type.wireName() + "\"" + (members == null ? "" : "," + members) + "}";
        events.add(new ReceivedEvent(type, playhead, ts, opened.plusMillis(ms), body));
    }

    /** Each dimension's report, {@code RUNS} times after a warm-up run: the median and the range. */
    private static void time(SessionStore store, String kind, int sessions, int open) {
        System.out.printf("%n%s, %d sessions (%d open, replayed when read):%n", kind, sessions, open);
        System.out.printf("%-12s %6s %10s %10s %10s%n", "groupBy", "rows", "median ms", "min ms", "max ms");
        for (ReportDimension dimension : ReportDimension.values()) {
            ReportQuery query = new ReportQuery(dimension, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            Map<String, MetricTotals> rows = report(store, query);
            long counted = rows.values().stream().mapToLong(MetricTotals::sessions).sum();
            if (counted != sessions) {
                throw new IllegalStateException("The report counted " + counted + " sessions of " + sessions);
            }
            double[] ms = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                report(store, query);
                ms[run] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%-12s %6d %10.1f %10.1f %10.1f%n", dimension.name().toLowerCase(Locale.ROOT), rows.size(),
                    (ms[RUNS / 2 - 1] + ms[RUNS / 2]) / 2, ms[0], ms[RUNS - 1]);
        }
    }

    /** As the API answers it: the store's groups, then every row's figures. */
    private static Map<String, MetricTotals> report(SessionStore store, ReportQuery query) {
        Map<String, MetricTotals> rows = store.report(query, MetricsCalculator::of).toCompletableFuture().join();
        rows.values().forEach(MetricTotals::figures);
        return rows;
    }
}
