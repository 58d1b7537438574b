package dev.mediacollection.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.metrics.MetricsCalculator;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Finding;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.OutboxEntry;
import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.store.WholeSweep;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.support.StreamContract;

/**
 * The records an outbox entry becomes: what openapi/asyncapi.yaml says, checked against its schema, with the bodies
 * exactly as received and the final metrics the read-back API computes.
 */
class StreamRecordsTest {

    static final Instant T0 = Instant.parse("2026-11-29T09:00:00.153Z");
    /** As the service writes JSON (quarkus.jackson.serialization-inclusion=non_null). */
    static final ObjectMapper MAPPER = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    /** Spacing, key order and number spelling a re-serialisation would change. */
    static final String START_BODY = "{ \"eventType\":\"sessionStart\",\"playerTime\":{\"ts\":1509045324153,"
            + "\"playhead\":0.0},\n  \"params\":{\"media.id\":\"video-3194\",\"media.length\":6.04E1,"
            + "\"media.playerName\":\"html5-player\",\"media.contentType\":\"vod\"} }";

    @TempDir
    Path dataDir;
    private JdbcSessionStore store;

    private JdbcSessionStore store() {
        store = JdbcStores.embedded(dataDir, new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30),
                Duration.ofSeconds(5)),
                new GroupCommitSettings(1, 16, Duration.ZERO, 100), 1, StoreObserver.NONE, Set.of("kafka"));
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    static Session session(String startBody) {
        return new Session(SessionIds.next(), T0, new ReceivedEvent(EventType.SESSION_START, 0, 1_509_045_324_153L,
                T0, startBody), "video-3194", "html5-player", "sports", "vod", Lifecycle.opened(T0, 0));
    }

    static ReceivedEvent event(String type, double playhead, long ts, Instant at) {
        return new ReceivedEvent(EventType.fromWireName(type), playhead, ts, at, "{\"eventType\":\"" + type
                + "\",\"playerTime\":{\"playhead\":" + playhead + ",\"ts\":" + ts + "}}");
    }

    private List<JsonNode> recordsOf(StreamRecords records, String sessionId) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (OutboxEntry entry : store.pending("kafka", 100, Instant.EPOCH).toCompletableFuture().join()) {
            for (StreamRecord record : records.of(entry)) {
                String json = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(record.key()).isEqualTo(entry.sessionId());
                assertThat(StreamContract.keyViolations(record.key())).isEmpty();
                assertThat(StreamContract.violations(json)).as(json).isEmpty();
                if (entry.sessionId().equals(sessionId)) {
                    found.add(MAPPER.readTree(json));
                }
            }
        }
        return found;
    }

    @Test
    void aLiveSessionIsItsStartItsEventsThenItsCloseWithTheFinalMetrics() throws Exception {
        JdbcSessionStore store = store();
        StreamRecords records = new StreamRecords(store, MAPPER);
        Session session = session(START_BODY);
        ReceivedEvent play = event("play", 0, 1_509_045_325_153L, T0.plusSeconds(1));
        ReceivedEvent end = event("sessionEnd", 30, 1_509_045_355_153L, T0.plusSeconds(31));
        store.create(session).toCompletableFuture().join();
        store.append(session.id(), play).toCompletableFuture().join();
        store.append(session.id(), end).toCompletableFuture().join();

        List<JsonNode> found = recordsOf(records, session.id());

        assertThat(found).extracting(record -> record.get("record").asText(), record -> record.get("sequence").asLong())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("opened", 0L),
                        org.assertj.core.groups.Tuple.tuple("event", 1L),
                        org.assertj.core.groups.Tuple.tuple("event", 2L),
                        org.assertj.core.groups.Tuple.tuple("closed", 2L));
        JsonNode opened = found.get(0);
        assertThat(opened.get("sessionId").asText()).isEqualTo(session.id());
        assertThat(opened.get("eventType").asText()).isEqualTo("sessionStart");
        assertThat(opened.get("ts").asLong()).isEqualTo(1_509_045_324_153L);
        assertThat(Instant.parse(opened.get("receivedAt").asText())).isEqualTo(T0);
        assertThat(opened.get("body")).isEqualTo(MAPPER.readTree(START_BODY));
        JsonNode event = found.get(1);
        assertThat(event.get("eventType").asText()).isEqualTo("play");
        assertThat(event.get("playhead").asDouble()).isEqualTo(0);
        assertThat(Instant.parse(event.get("receivedAt").asText())).isEqualTo(play.receivedAt());
        assertThat(event.get("body")).isEqualTo(MAPPER.readTree(play.body()));
        JsonNode closed = found.get(3);
        assertThat(closed.get("cause").asText()).isEqualTo("sessionEnd");
        assertThat(Instant.parse(closed.get("closedAt").asText())).isEqualTo(end.receivedAt());
        assertThat(closed.get("metrics")).isEqualTo(MAPPER.valueToTree(MetricsCalculator.of(
                store.find(session.id()).toCompletableFuture().join().orElseThrow().session(),
                store.events(session.id()).toCompletableFuture().join())));
        assertThat(closed.get("metrics").get("final").asBoolean()).isTrue();
    }

    @Test
    void theBodyIsTheBytesReceivedNotAReSerialisation() {
        JdbcSessionStore store = store();
        Session session = session(START_BODY);
        store.create(session).toCompletableFuture().join();

        OutboxEntry opened = store.pending("kafka", 1, Instant.EPOCH).toCompletableFuture().join().get(0);
        String record = new String(new StreamRecords(store, MAPPER).of(opened).get(0).value(), StandardCharsets.UTF_8);

        assertThat(record).contains("\"body\":" + START_BODY + ",");
    }

    @Test
    void aDownloadedSessionIsOneRecordPerRequestThenItsClose() throws Exception {
        JdbcSessionStore store = store();
        Session opened = session(START_BODY);
        Session session = opened.withLifecycle(opened.lifecycle().closedAsDownloaded(T0));
        List<ReceivedEvent> events = List.of(event("play", 0, 1_509_045_325_153L, T0),
                event("ping", 10, 1_509_045_335_153L, T0));
        store.create(session, events).toCompletableFuture().join();

        List<JsonNode> found = recordsOf(new StreamRecords(store, MAPPER), session.id());

        assertThat(found).extracting(record -> record.get("record").asText() + " " + record.get("sequence"))
                .containsExactly("downloaded 0", "event 1", "event 2", "closed 2");
        assertThat(found.get(2).get("body")).isEqualTo(MAPPER.readTree(events.get(1).body()));
        assertThat(found.get(3).get("cause").asText()).isEqualTo("downloaded");
    }

    @Test
    void anEventKeptLateIsFollowedByAFreshCloseWhoseMetricsIncludeIt() throws Exception {
        JdbcSessionStore store = store();
        Session session = session(START_BODY);
        store.create(session).toCompletableFuture().join();
        store.append(session.id(), event("play", 0, 1_509_045_325_153L, T0.plusSeconds(1))).toCompletableFuture()
                .join();
        store.append(session.id(), event("sessionEnd", 30, 1_509_045_355_153L, T0.plusSeconds(31)))
                .toCompletableFuture().join();
        // It happened before the sessionEnd and arrives 2 s after it: kept.
        store.append(session.id(), event("pauseStart", 20, 1_509_045_345_153L, T0.plusSeconds(33)))
                .toCompletableFuture().join();

        List<JsonNode> found = recordsOf(new StreamRecords(store, MAPPER), session.id());

        assertThat(found).extracting(record -> record.get("record").asText() + " " + record.get("sequence"))
                .containsExactly("opened 0", "event 1", "event 2", "closed 2", "event 3", "closed 3");
        assertThat(found.get(3).get("metrics").get("pauseEvents").asInt()).isZero();
        assertThat(found.get(5).get("metrics").get("pauseEvents").asInt()).isEqualTo(1);
        assertThat(found.get(5).get("closedAt")).isEqualTo(found.get(3).get("closedAt"));
    }

    @Test
    void aTimedOutSessionClosesAsIdleWithWhatItHad() throws Exception {
        JdbcSessionStore store = store();
        Session session = session(START_BODY);
        store.create(session).toCompletableFuture().join();
        store.append(session.id(), event("play", 0, 1_509_045_325_153L, T0.plusSeconds(1))).toCompletableFuture()
                .join();
        WholeSweep.expire(store, T0.plus(Duration.ofMinutes(11))).toCompletableFuture().join();

        JsonNode closed = recordsOf(new StreamRecords(store, MAPPER), session.id()).get(2);

        assertThat(closed.get("record").asText()).isEqualTo("closed");
        assertThat(closed.get("cause").asText()).isEqualTo("idle");
        assertThat(closed.get("sequence").asLong()).isEqualTo(1);
        assertThat(Instant.parse(closed.get("closedAt").asText())).isEqualTo(T0.plusSeconds(1).plus(
                Duration.ofMinutes(10)));
    }

    /** Issue 17: each request's record carries its findings, as the read-back API shows them; none, an empty list. */
    @Test
    void aRequestsRecordCarriesItsFindings() throws Exception {
        JdbcSessionStore store = store();
        Finding sentAsText = new Finding("content-type", null,
                "The body was sent as text/plain;charset=UTF-8; send it as application/json.");
        Finding negative = new Finding("minimum", "/playerTime/playhead", "must be at least 0");
        Finding unknown = new Finding("unknown-key", "/customMetadata", "is not a known key");
        Session opening = session(START_BODY);
        Session live = opening.withStart(opening.start().withFindings(List.of(sentAsText)));
        store.create(live).toCompletableFuture().join();
        store.append(live.id(), withFindings(event("play", -1, 1_509_045_325_153L, T0.plusSeconds(1)),
                sentAsText, negative)).toCompletableFuture().join();
        store.append(live.id(), event("ping", 10, 1_509_045_335_153L, T0.plusSeconds(11))).toCompletableFuture()
                .join();
        Session opened = session(START_BODY);
        Session downloaded = opened.withLifecycle(opened.lifecycle().closedAsDownloaded(T0));
        store.create(downloaded, List.of(event("play", 0, 1_509_045_325_153L, T0),
                withFindings(event("ping", 10, 1_509_045_335_153L, T0), unknown))).toCompletableFuture().join();
        StreamRecords records = new StreamRecords(store, MAPPER);

        List<JsonNode> ofLive = recordsOf(records, live.id());
        List<JsonNode> ofDownloaded = recordsOf(records, downloaded.id());

        assertThat(ofLive).extracting(record -> record.get("record").asText() + " " + record.get("findings"))
                .containsExactly(
                        "opened [" + json(sentAsText) + "]",
                        "event [" + json(sentAsText) + "," + json(negative) + "]",
                        "event []");
        assertThat(ofDownloaded).extracting(record -> record.get("record").asText() + " " + record.get("findings"))
                .containsExactly("downloaded []", "event []", "event [" + json(unknown) + "]", "closed null");
    }

    private static ReceivedEvent withFindings(ReceivedEvent event, Finding... findings) {
        return event.withFindings(List.of(findings));
    }

    /** A finding as the read-back API writes it: {@code pointer} left out when there is none. */
    /** A finding as a record writes it: its rule, its pointer when it has one, its message. */
    private static String json(Finding finding) {
        ObjectNode json = MAPPER.createObjectNode().put("rule", finding.rule());
        if (finding.pointer() != null) {
            json.put("pointer", finding.pointer());
        }
        return json.put("message", finding.message()).toString();
    }

    @Test
    void recordsCarryNoFieldTheContractDoesNotDefine() throws Exception {
        JdbcSessionStore store = store();
        Session session = session(START_BODY);
        store.create(session).toCompletableFuture().join();
        store.append(session.id(), event("sessionEnd", 0, 1_509_045_325_153L, T0.plusSeconds(1)))
                .toCompletableFuture().join();

        for (JsonNode record : recordsOf(new StreamRecords(store, MAPPER), session.id())) {
            String schema = record.get("record").asText().equals("closed") ? "ClosedRecord" : "RequestRecord";
            for (Iterator<String> fields = record.fieldNames(); fields.hasNext(); ) {
                assertThat(StreamContract.propertiesOf(schema)).contains(fields.next());
            }
        }
    }

    @Test
    void theContractsOwnExamplesAreValidRecords() {
        JsonNode examples = StreamContract.document().at("/components/messages/SessionRecord/examples");

        assertThat(examples).isNotEmpty();
        examples.forEach(example -> assertThat(StreamContract.violations(example.get("payload").toString()))
                .as(example.get("name").asText()).isEmpty());
    }

    /** The schema is followed into openapi.yaml: a cause or a metric that breaks the shared schemas is caught. */
    @Test
    void aRecordThatBreaksTheContractIsToldSo() throws Exception {
        JdbcSessionStore store = store();
        Session session = session(START_BODY);
        store.create(session).toCompletableFuture().join();
        store.append(session.id(), event("sessionEnd", 0, 1_509_045_325_153L, T0.plusSeconds(1)))
                .toCompletableFuture().join();
        com.fasterxml.jackson.databind.node.ObjectNode closed = (com.fasterxml.jackson.databind.node.ObjectNode)
                recordsOf(new StreamRecords(store, MAPPER), session.id()).get(2);
        assertThat(StreamContract.violations(closed.toString())).isEmpty();

        assertThat(StreamContract.violations(closed.deepCopy().put("cause", "bored").toString())).isNotEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode badMetrics = closed.deepCopy();
        badMetrics.with("metrics").put("mediaStarts", "one");
        assertThat(StreamContract.violations(badMetrics.toString())).isNotEmpty();
        assertThat(StreamContract.violations(closed.deepCopy().put("sessionId", "x").toString())).isNotEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode opened = (com.fasterxml.jackson.databind.node.ObjectNode)
                StreamContract.document().at("/components/messages/SessionRecord/examples/0/payload").deepCopy();
        assertThat(StreamContract.violations(opened.toString())).isEmpty();
        assertThat(StreamContract.violations(opened.deepCopy().put("ts", "soon").toString())).isNotEmpty();
        assertThat(StreamContract.violations(opened.deepCopy().put("record", "closed").toString())).isNotEmpty();
        assertThat(StreamContract.violations(((com.fasterxml.jackson.databind.node.ObjectNode) opened.deepCopy())
                .without("body").toString())).isNotEmpty();
    }

    @Test
    void anEntryWhoseDataIsGoneIsAnErrorNotASkip() {
        JdbcSessionStore store = store();
        OutboxEntry orphan = new OutboxEntry(1, SessionIds.next(), OutboxEntry.Kind.CLOSED, 0, T0,
                java.util.Optional.empty());

        assertThatThrownBy(() -> new StreamRecords(store, MAPPER).of(orphan))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no longer stored");
    }
}
