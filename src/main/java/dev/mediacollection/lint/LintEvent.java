package dev.mediacollection.lint;

import java.time.Instant;
import java.util.OptionalDouble;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.mediacollection.session.EventType;
import dev.mediacollection.session.ReceivedEvent;

/**
 * One request of a session, as the rules read it.
 *
 * @param sequence   its place in the session's arrival order: 0 for the sessionStart, then 1, 2, …
 * @param type       its {@code eventType}
 * @param ts         {@code playerTime.ts}, device time in epoch milliseconds
 * @param playhead   {@code playerTime.playhead}, seconds into the main content
 * @param receivedAt when the service received it
 * @param params     its {@code params} object, or a missing node
 * @param qoeData    its {@code qoeData} object, or a missing node
 */
public record LintEvent(long sequence, EventType type, long ts, double playhead, Instant receivedAt, JsonNode params,
        JsonNode qoeData) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored request: its body is read for {@code params} and {@code qoeData}. */
    public static LintEvent of(long sequence, ReceivedEvent event) {
        JsonNode body = parse(event.body());
        return new LintEvent(sequence, event.type(), event.ts(), event.playhead(), event.receivedAt(),
                body.path("params"), body.path("qoeData"));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // Stored bodies were read as JSON once; one that does not parse still has its type and times.
            return MissingNode.getInstance();
        }
    }

    /** A {@code params} member as text, or {@code null} when absent or not a string. */
    public String text(String param) {
        JsonNode value = params.get(param);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** A {@code params} member as a number, when it is one. */
    public OptionalDouble number(String param) {
        return numberIn(params, param);
    }

    /**
     * A quality-of-experience value ({@code media.qoe.*}): Adobe's event pages and SDKs put them in {@code qoeData},
     * its 2026 variable pages in {@code params}; either counts.
     */
    public OptionalDouble qoe(String key) {
        OptionalDouble inQoeData = numberIn(qoeData, key);
        return inQoeData.isPresent() ? inQoeData : numberIn(params, key);
    }

    /** Whether a quality-of-experience value is present at all, whatever its type. */
    public boolean hasQoe(String key) {
        return qoeData.has(key) || params.has(key);
    }

    /** How messages refer to it: {@code #12 (adStart)}. */
    public String label() {
        return "#" + sequence + " (" + type.wireName() + ")";
    }

    /** How a message that starts with it names it: {@code adStart #12}. */
    public String named() {
        return type.wireName() + " #" + sequence;
    }

    private static OptionalDouble numberIn(JsonNode object, String key) {
        JsonNode value = object.get(key);
        return value != null && value.isNumber() ? OptionalDouble.of(value.doubleValue()) : OptionalDouble.empty();
    }
}
