package dev.mediacollection.api.body;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import dev.mediacollection.generated.model.DownloadedEvent;
import dev.mediacollection.generated.model.MediaEvent;
import dev.mediacollection.generated.model.PlayerTime;
import dev.mediacollection.generated.model.SessionStart;
import dev.mediacollection.generated.model.SessionStartParams;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Finding;
import dev.mediacollection.tracking.IncomingEvent;
import dev.mediacollection.tracking.IncomingSessionStart;
import dev.mediacollection.validation.RuleViolation;

/**
 * The current request's body as received, and what the domain gets of it: the generated model the resource is
 * handed, together with the bytes exactly as sent (what is stored; the model drops what it has no field for) and the
 * findings the profile kept rather than refused.
 */
@RequestScoped
public class ReceivedBody {

    private byte[] raw;
    private ParsedBody body;
    private List<RuleViolation> findings = List.of();
    private List<DownloadedEvent> batch;

    /** The bytes as read, before anything was judged: kept so that a rejection can show what was sent. */
    void read(byte[] bytes) {
        this.raw = bytes;
    }

    /** The body was accepted with these findings (pointers into the whole body, or none for the request). */
    void accept(ParsedBody body, List<RuleViolation> findings) {
        this.body = body;
        this.findings = findings;
    }

    /** The whole array bound, when {@code createSession} received a downloaded session. */
    void batch(List<DownloadedEvent> batch) {
        this.batch = batch;
    }

    /** What was read of the body, if anything was (as text, as sent). */
    public Optional<String> asRead() {
        return Optional.ofNullable(raw).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * The downloaded session {@code createSession} received in its deprecated array form (its model parameter is
     * the array's first element), or empty for a single sessionStart.
     */
    public Optional<List<DownloadedEvent>> batch() {
        return Optional.ofNullable(batch);
    }

    /** A single sessionStart. */
    public IncomingSessionStart sessionStart(SessionStart start) {
        return sessionStart(start, parsed().text(), findings(-1));
    }

    /** A single event. */
    public IncomingEvent event(MediaEvent event) {
        return incoming(event, event.getEventType(), parsed().text(), findings(-1));
    }

    /** A downloaded session's sessionStart: its first element. */
    public IncomingSessionStart sessionStartOf(List<DownloadedEvent> session) {
        return sessionStart((SessionStart) session.get(0), parsed().elementText(0), findings(0));
    }

    /** A downloaded session's elements after its sessionStart, in order, each with its own bytes. */
    public List<IncomingEvent> eventsAfterStart(List<DownloadedEvent> session) {
        List<IncomingEvent> events = new ArrayList<>(session.size() - 1);
        for (int i = 1; i < session.size(); i++) {
            DownloadedEvent event = session.get(i);
            events.add(incoming(event, event.getEventType(), parsed().elementText(i), findings(i)));
        }
        return events;
    }

    private IncomingSessionStart sessionStart(SessionStart start, String text, List<Finding> findings) {
        SessionStartParams params = start.getParams();
        return new IncomingSessionStart(incoming(start, start.getEventType(), text, findings), params.getMediaId(),
                params.getMediaPlayerName(), params.getMediaChannel(), params.getMediaContentType());
    }

    private static IncomingEvent incoming(Object model, String eventType, String text, List<Finding> findings) {
        PlayerTime playerTime = EventModels.playerTime(model);
        return new IncomingEvent(EventType.fromWireName(eventType), playerTime.getPlayhead(), playerTime.getTs(),
                text, findings);
    }

    /**
     * The findings of the whole body ({@code element} -1), or of one element of a batch, with pointers into that
     * element. What concerns the request as a whole (how it was sent) goes with the body, or the batch's first
     * element.
     */
    private List<Finding> findings(int element) {
        if (findings.isEmpty()) {
            return List.of();
        }
        List<Finding> of = new ArrayList<>();
        for (RuleViolation violation : findings) {
            String pointer = violation.pointer();
            if (element < 0 || pointer == null) {
                if (element <= 0) {
                    of.add(new Finding(violation.rule().id(), pointer, violation.detail()));
                }
                continue;
            }
            String prefix = "/" + element;
            if (pointer.equals(prefix) || pointer.startsWith(prefix + "/")) {
                of.add(new Finding(violation.rule().id(), pointer.substring(prefix.length()), violation.detail()));
            }
        }
        return of;
    }

    private ParsedBody parsed() {
        if (body == null) {
            throw new IllegalStateException("No request body was accepted for this request");
        }
        return body;
    }
}
