package dev.mediacollection.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.support.Spec;

/** A session written as a timeline: each event at a time (ms after the sessionStart) and a playhead. */
final class Timeline {

    static final long T0 = 1_764_147_600_000L;

    private final ObjectNode start;
    private final List<StoredEvent> events = new ArrayList<>();
    private Lifecycle lifecycle;

    private Timeline(ObjectNode start) {
        this.start = start;
        this.lifecycle = Lifecycle.opened(Instant.ofEpochMilli(T0), 0);
    }

    /** A session of content {@code length} seconds long. */
    static Timeline of(double length) {
        ObjectNode start = Spec.example("SessionStartSample");
        start.with("params").put("media.length", length);
        start.remove("qoeData");
        return new Timeline(start);
    }

    Timeline resumed() {
        start.with("params").put("media.resume", true);
        return this;
    }

    /** The sessionStart carries this string param too. */
    Timeline startParam(String key, String value) {
        start.with("params").put(key, value);
        return this;
    }

    Timeline at(long ms, String eventType, double playhead) {
        return at(ms, eventType, playhead, null);
    }

    /** An event with these {@code params} / {@code qoeData} members (a body fragment). */
    Timeline at(long ms, String eventType, double playhead, String members) {
        ObjectNode body = Spec.JSON.createObjectNode();
        body.putObject("playerTime").put("playhead", playhead).put("ts", T0 + ms);
        body.put("eventType", eventType);
        if (members != null) {
            try {
                body.setAll((ObjectNode) Spec.JSON.readTree("{" + members + "}"));
            } catch (Exception e) {
                throw new IllegalArgumentException(members, e);
            }
        }
        Instant at = Instant.ofEpochMilli(T0 + ms);
        EventType type = EventType.fromWireName(eventType);
        ReceivedEvent event = new ReceivedEvent(type, playhead, T0 + ms, at, body.toString());
        events.add(new StoredEvent(events.size() + 1, event));
        if (lifecycle.state().takesEvents()) {
            lifecycle = lifecycle.after(event);
        }
        return this;
    }

    /** The session as it stands: still open unless its events closed it. */
    MediaMetrics metrics() {
        return MetricsCalculator.of(session(), events);
    }

    /** The session's playback as spans, as it stands. */
    PlaybackTimeline spans() {
        return MetricsCalculator.timeline(session(), events);
    }

    /** The session after its idle timeout ran out. */
    MediaMetrics metricsAfterExpiry() {
        return MetricsCalculator.of(session().withLifecycle(lifecycle.expired(
                new Lifecycle.Expiry(dev.mediacollection.session.CloseCause.IDLE, lifecycle.lastEventAt()))), events);
    }

    /** The same events, arriving in another order than their ts. */
    MediaMetrics metricsArrivingReversed() {
        return MetricsCalculator.of(session(), arrivingReversed());
    }

    /** The spans of the same events, arriving in another order than their ts. */
    PlaybackTimeline spansArrivingReversed() {
        return MetricsCalculator.timeline(session(), arrivingReversed());
    }

    private List<StoredEvent> arrivingReversed() {
        List<StoredEvent> reversed = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            reversed.add(new StoredEvent(events.size() - i, events.get(i).event()));
        }
        return reversed;
    }

    private Session session() {
        ReceivedEvent received = new ReceivedEvent(EventType.SESSION_START, 0, T0, Instant.ofEpochMilli(T0),
                start.toString());
        return new Session(SessionIds.next(), Instant.ofEpochMilli(T0), received, "video", "player", "channel",
                "vod", lifecycle);
    }
}
