package dev.mediacollection.store;

import static dev.mediacollection.store.SessionStoreContract.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.metrics.MetricTotals;
import dev.mediacollection.metrics.MetricsCalculator;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.store.memory.InMemorySessionStore;
import dev.mediacollection.support.Postgres;

/**
 * The same sessions, the recordings of Adobe's SDKs in {@code sdk-corpus} sent again and again at other times and
 * ended in every way, through the embedded store, PostgreSQL and memory: every report is the same on all three,
 * before the finaliser stores the closed sessions' metrics (everything replayed) and after (closed sessions added up
 * by each database). Runs with {@code ./mvnw verify -Ppostgresql}.
 */
@Tag("postgresql")
class SameReportOnEveryStoreTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "sdk-corpus");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-26T07:00:00Z");
    private static final SessionTimeouts TIMEOUTS = new SessionTimeouts(Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ofSeconds(5));
    /** Sessions that opened before this are expired by the sweep, and finalised once closed. */
    private static final Instant SWEEP = T0.plus(Duration.ofHours(20));

    private final List<JdbcSessionStore> opened = new ArrayList<>();

    @TempDir
    Path dataDir;

    /** One recorded session: its sessionStart, then its events, as the SDK sent them. */
    private record Recording(JsonNode start, String startBody, List<JsonNode> events, List<String> bodies) {
    }

    @Test
    void everyStoreGivesTheSameReportBeforeAndAfterTheClosedSessionsAreFinalised() {
        Postgres.reset();
        Map<String, SessionStore> stores = Map.of(
                "memory", new InMemorySessionStore(10_000, 1_000_000, TIMEOUTS),
                "embedded", keep(JdbcStores.embedded(dataDir, TIMEOUTS,
                        new GroupCommitSettings(1, 256, Duration.ofMillis(1), 10_000), 2, StoreObserver.NONE)),
                "postgresql", keep(JdbcStores.postgresql(Postgres.dataSource(), TIMEOUTS,
                        new GroupCommitSettings(4, 256, Duration.ofMillis(1), 10_000), 2, StoreObserver.NONE)));
        List<Recording> recordings = recordings();
        int sessions = 0;
        for (int copy = 0; copy < 4; copy++) {
            for (int i = 0; i < recordings.size(); i++) {
                Instant openedAt = T0.plus(Duration.ofMinutes(97L * (copy * recordings.size() + i)));
                sendToEvery(stores.values(), recordings.get(i), openedAt, (copy + i) % 4);
                sessions++;
            }
        }
        stores.values().forEach(store -> await(WholeSweep.expire(store, SWEEP)));

        Map<ReportDimension, Map<String, Map<String, Number>>> replayed = sameOnEvery(stores);
        stores.values().forEach(store -> assertThat(finalise(store)).isPositive());
        Map<ReportDimension, Map<String, Map<String, Number>>> stored = sameOnEvery(stores);

        assertThat(stored).isEqualTo(replayed);
        Map<String, Number> totals = total(stored.get(ReportDimension.DAY));
        assertThat(totals.get("sessions")).isEqualTo((long) sessions);
        assertThat(totals.get("openSessions").longValue()).isPositive().isLessThan(sessions);
        for (String figure : List.of("adStarts", "chapterStarts", "pauseEvents", "bufferEvents", "bitrateChanges",
                "contentCompletes", "mediaTimeSpent", "averageMinuteAudience", "dropsBeforeStart")) {
            assertThat(totals.get(figure).doubleValue()).as(figure).isPositive();
        }
        assertThat(stored.get(ReportDimension.CHANNEL)).containsKeys("Kids", "Drama Channel");
    }

    /** Opens the session at {@code openedAt} on every store and sends it there, ended as {@code ending} says. */
    private static void sendToEvery(Iterable<SessionStore> stores, Recording recording, Instant openedAt,
            int ending) {
        long startTs = recording.start().at("/playerTime/ts").asLong();
        JsonNode params = recording.start().path("params");
        List<ReceivedEvent> events = new ArrayList<>();
        // 0: as recorded; 1: ended too; 2: the first half only, left to time out or stay open; 3: downloaded whole.
        int count = ending == 2 ? recording.events().size() / 2 : recording.events().size();
        for (int i = 0; i < count; i++) {
            JsonNode event = recording.events().get(i);
            long ts = event.at("/playerTime/ts").asLong();
            events.add(new ReceivedEvent(EventType.fromWireName(event.get("eventType").asText()),
                    event.at("/playerTime/playhead").asDouble(), openedAt.toEpochMilli() + ts - startTs,
                    openedAt.plusMillis(ts - startTs), recording.bodies().get(i)));
        }
        if (ending == 1 && events.get(events.size() - 1).type() != EventType.SESSION_END) {
            ReceivedEvent last = events.get(events.size() - 1);
            events.add(new ReceivedEvent(EventType.SESSION_END, last.playhead(), last.ts() + 1_000,
                    last.receivedAt().plusSeconds(1), "{\"eventType\":\"sessionEnd\",\"playerTime\":{\"playhead\":"
                            + last.playhead() + ",\"ts\":" + (last.ts() + 1_000) + "}}"));
        }
        for (SessionStore store : stores) {
            Session session = new Session(SessionIds.next(), openedAt, new ReceivedEvent(EventType.SESSION_START,
                    recording.start().at("/playerTime/playhead").asDouble(), openedAt.toEpochMilli(), openedAt,
                    recording.startBody()), params.path("media.id").asText(),
                    params.path("media.playerName").asText("none"), params.path("media.channel").asText("none"),
                    params.path("media.contentType").asText(), Lifecycle.opened(openedAt, 0));
            if (ending == 3) {
                Lifecycle lifecycle = session.lifecycle();
                for (ReceivedEvent event : events) {
                    lifecycle = lifecycle.state().takesEvents() ? lifecycle.after(event) : lifecycle;
                }
                await(store.create(session.withLifecycle(lifecycle.closedAsDownloaded(openedAt)), events));
            } else {
                await(store.create(session));
                events.forEach(event -> await(store.append(session.id(), event)));
            }
        }
    }

    private static Map<ReportDimension, Map<String, Map<String, Number>>> sameOnEvery(
            Map<String, SessionStore> stores) {
        Map<ReportDimension, Map<String, Map<String, Number>>> reference = reports(stores.get("memory"));
        assertThat(reports(stores.get("embedded"))).as("the embedded store's reports").isEqualTo(reference);
        assertThat(reports(stores.get("postgresql"))).as("PostgreSQL's reports").isEqualTo(reference);
        return reference;
    }

    private static Map<ReportDimension, Map<String, Map<String, Number>>> reports(SessionStore store) {
        Map<ReportDimension, Map<String, Map<String, Number>>> reports = new EnumMap<>(ReportDimension.class);
        for (ReportDimension dimension : ReportDimension.values()) {
            Map<String, Map<String, Number>> rows = new TreeMap<>();
            await(store.report(new ReportQuery(dimension, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), MetricsCalculator::of))
                    .forEach((key, totals) -> rows.put(key, totals.figures()));
            reports.put(dimension, rows);
        }
        return reports;
    }

    private static Map<String, Number> total(Map<String, Map<String, Number>> rows) {
        Map<String, Number> totals = new TreeMap<>();
        rows.values().forEach(row -> row.forEach((name, value) -> totals.merge(name, value,
                (a, b) -> a instanceof Long ? (Number) (a.longValue() + b.longValue())
                        : (Number) (a.doubleValue() + b.doubleValue()))));
        return totals;
    }

    /** As the finaliser does it, for every session closed by the sweep's time. */
    private static int finalise(SessionStore store) {
        int stored = 0;
        for (StoredSession awaiting : await(store.awaitingMetrics(SWEEP, 10_000))) {
            List<StoredEvent> events = await(store.events(awaiting.session().id()));
            if (await(store.storeMetrics(awaiting.session().id(), events.size(),
                    MetricsCalculator.of(awaiting.session(), events)))) {
                stored++;
            }
        }
        return stored;
    }

    private static List<Recording> recordings() {
        try (Stream<Path> manifests = Files.walk(CORPUS)) {
            List<Recording> recordings = new ArrayList<>();
            for (Path manifest : manifests.filter(path -> path.endsWith("manifest.json")).sorted().toList()) {
                List<JsonNode> events = new ArrayList<>();
                List<String> bodies = new ArrayList<>();
                for (JsonNode step : JSON.readTree(manifest.toFile()).get("steps")) {
                    String body = Files.readString(manifest.resolveSibling(step.get("file").asText()));
                    events.add(JSON.readTree(body));
                    bodies.add(body);
                }
                recordings.add(new Recording(events.get(0), bodies.get(0), events.subList(1, events.size()),
                        bodies.subList(1, bodies.size())));
            }
            return recordings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JdbcSessionStore keep(JdbcSessionStore store) {
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcSessionStore::close);
    }
}
