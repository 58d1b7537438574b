package dev.mediacollection.api;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.enterprise.context.RequestScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.session.EventType;
import dev.mediacollection.tracking.IncomingEvent;

/**
 * The current request's body, validated, exactly as received. The generated interfaces hand resources a bound
 * model, which drops what the model has no field for; what is stored is the original.
 */
@RequestScoped
public class ReceivedBody {

    private ParsedBody body;

    void set(ParsedBody body) {
        this.body = body;
    }

    /** An object body as one event. */
    IncomingEvent event() {
        return incoming(parsed().tree(), parsed().text());
    }

    /** An array body as its events, in order, each with its own bytes. */
    List<IncomingEvent> events() {
        ParsedBody parsed = parsed();
        return IntStream.range(0, parsed.tree().size())
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
