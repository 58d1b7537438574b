package dev.mediacollection.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.metrics.MetricsCalculator;
import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.Finding;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.store.OutboxEntry;
import dev.mediacollection.store.SessionStore;

/**
 * The records an outbox entry announces, in the stream's format (openapi/asyncapi.yaml, {@code SessionRecord}): one
 * per request kept ({@code opened}, {@code downloaded}, {@code event}) and one when a session closes
 * ({@code closed}, with its cause and final metrics). A downloaded session becomes a {@code downloaded} record for its
 * {@code sessionStart} followed by an {@code event} record per event: records stay as small as a request, whatever
 * the size of an upload.
 *
 * <p>A request's record carries its findings, the rules it broke that the validation profile kept rather than
 * refused, as the read-back API shows them (an empty list when it broke none).
 *
 * <p>The body is written into the record as the bytes received (a JSON value, not a string holding JSON): it
 * passed the contract's parser, so it is one valid JSON value, and consumers get exactly what the player sent,
 * unknown keys, key order and number spelling included.
 */
public final class StreamRecords {

    private final SessionStore store;
    private final ObjectMapper mapper;

    /** @param mapper writes the final metrics, as the read-back API does (nulls left out) */
    public StreamRecords(SessionStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    /**
     * The entry's records, in the order they go on the stream.
     *
     * @throws IllegalStateException if what the entry announces is no longer stored
     */
    public List<StreamRecord> of(OutboxEntry entry) {
        return switch (entry.kind()) {
            case OPENED -> List.of(request(entry.sessionId(), "opened", 0, request(entry)));
            case EVENT -> List.of(request(entry.sessionId(), "event", entry.sequence(), request(entry)));
            case DOWNLOADED -> downloaded(entry);
            case CLOSED -> List.of(closed(entry));
        };
    }

    private List<StreamRecord> downloaded(OutboxEntry entry) {
        List<StreamRecord> records = new ArrayList<>();
        records.add(request(entry.sessionId(), "downloaded", 0, request(entry)));
        for (StoredEvent event : events(entry)) {
            records.add(request(entry.sessionId(), "event", event.sequence(), event.event()));
        }
        return records;
    }

    /** The final metrics cover the events the session had when it closed ({@link OutboxEntry#sequence()}). */
    private StreamRecord closed(OutboxEntry entry) {
        Session session = store.find(entry.sessionId()).toCompletableFuture().join()
                .orElseThrow(() -> missing(entry)).session();
        Lifecycle lifecycle = session.lifecycle();
        if (lifecycle.closedAt() == null) {
            throw new IllegalStateException("Session " + entry.sessionId() + " is not closed, although its outbox"
                    + " entry " + entry.position() + " says so");
        }
        return write(entry.sessionId(), json -> {
            json.writeStringField("record", "closed");
            json.writeNumberField("sequence", entry.sequence());
            json.writeStringField("closedAt", lifecycle.closedAt().toString());
            json.writeStringField("cause", causeName(lifecycle.closeCause()));
            json.writeFieldName("metrics");
            json.writeObject(MetricsCalculator.of(session, events(entry)));
        });
    }

    private List<StoredEvent> events(OutboxEntry entry) {
        return store.events(entry.sessionId()).toCompletableFuture().join().stream()
                .filter(event -> event.sequence() <= entry.sequence())
                .toList();
    }

    private static ReceivedEvent request(OutboxEntry entry) {
        return entry.request().orElseThrow(() -> missing(entry));
    }

    private StreamRecord request(String sessionId, String record, long sequence, ReceivedEvent request) {
        return write(sessionId, json -> {
            json.writeStringField("record", record);
            json.writeNumberField("sequence", sequence);
            json.writeStringField("eventType", request.type().wireName());
            json.writeNumberField("playhead", request.playhead());
            json.writeNumberField("ts", request.ts());
            json.writeStringField("receivedAt", request.receivedAt().toString());
            json.writeFieldName("body");
            json.writeRawValue(request.body());
            json.writeArrayFieldStart("findings");
            for (Finding finding : request.findings()) {
                json.writeStartObject();
                json.writeStringField("rule", finding.rule());
                if (finding.pointer() != null) {
                    json.writeStringField("pointer", finding.pointer());
                }
                json.writeStringField("message", finding.message());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** The contract's {@code CloseCauseName}. */
    static String causeName(CloseCause cause) {
        return switch (cause) {
            case SESSION_END -> "sessionEnd";
            case IDLE -> "idle";
            case STALLED -> "stalled";
            case DOWNLOADED -> "downloaded";
        };
    }

    private StreamRecord write(String sessionId, Fields fields) {
        ByteArrayOutputStream value = new ByteArrayOutputStream(512);
        try (JsonGenerator json = mapper.createGenerator(value)) {
            json.writeStartObject();
            json.writeStringField("sessionId", sessionId);
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StreamRecord(sessionId, value.toByteArray());
    }

    private static IllegalStateException missing(OutboxEntry entry) {
        return new IllegalStateException("Outbox entry " + entry.position() + " (" + entry.kind() + " of session "
                + entry.sessionId() + ") announces data that is no longer stored");
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }
}
