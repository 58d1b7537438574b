package dev.mediacollection.api.body;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import jakarta.enterprise.context.RequestScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.session.EventType;
import dev.mediacollection.tracking.IncomingEvent;
import dev.mediacollection.tracking.IncomingSessionStart;

/**
 * The current request's body, validated, exactly as received. The generated interfaces hand resources a bound
 * model, which drops what the model has no field for; what is stored is the original.
 */
@RequestScoped
public class ReceivedBody {

    private byte[] raw;
    private ParsedBody body;

    /** The bytes as read, before anything was judged: kept so that a rejection can show what was sent. */
    void read(byte[] bytes) {
        this.raw = bytes;
    }

    void set(ParsedBody body) {
        this.body = body;
    }

    /** What was read of the body, if anything was (as text, as sent). */
    public Optional<String> asRead() {
        return Optional.ofNullable(raw).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Whether the body is an array of events (a downloaded session) rather than one event. */
    public boolean isBatch() {
        return parsed().tree().isArray();
    }

    /** An object body as one event. */
    public IncomingEvent event() {
        return incoming(parsed().tree(), parsed().text());
    }

    /** The sessionStart: the object body, or the first element of an array body. */
    public IncomingSessionStart sessionStart() {
        ParsedBody parsed = parsed();
        JsonNode start = parsed.tree().isArray() ? parsed.tree().get(0) : parsed.tree();
        JsonNode params = start.get("params");
        return new IncomingSessionStart(
                incoming(start, parsed.tree().isArray() ? parsed.elementText(0) : parsed.text()),
                params.get("media.id").textValue(), params.get("media.playerName").textValue(),
                params.get("media.channel").textValue(), params.get("media.contentType").textValue());
    }

    /** The elements of an array body after its sessionStart, in order, each with its own bytes. */
    public List<IncomingEvent> eventsAfterStart() {
        ParsedBody parsed = parsed();
        return IntStream.range(1, parsed.tree().size())
                .mapToObj(i -> incoming(parsed.tree().get(i), parsed.elementText(i)))
                .toList();
    }

    private ParsedBody parsed() {
        if (body == null) {
            throw new IllegalStateException("No request body was read for this request");
        }
        return body;
    }

    private static IncomingEvent incoming(JsonNode event, String text) {
        JsonNode playerTime = event.get("playerTime");
        return new IncomingEvent(EventType.fromWireName(event.get("eventType").textValue()),
                playerTime.get("playhead").doubleValue(), playerTime.get("ts").longValue(), text);
    }
}
