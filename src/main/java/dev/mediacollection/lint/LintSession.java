package dev.mediacollection.lint;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.EventType;

/**
 * A session as the rules see it.
 *
 * @param start      its sessionStart (sequence 0)
 * @param events     the events after it, in arrival order
 * @param downloaded whether it was uploaded whole, after being played offline
 * @param closeCause why it stopped taking events, or {@code null} while it takes them
 * @param earlier    the same viewer's latest earlier session of the same content, or {@code null} if none is known
 */
public record LintSession(LintEvent start, List<LintEvent> events, boolean downloaded, CloseCause closeCause,
        EarlierViewing earlier) {

    /** Adobe's recommended content types for live streams (compared ignoring case, as older pages capitalise them). */
    private static final Set<String> LIVE_CONTENT_TYPES = Set.of("live", "linear", "radio");
    /** The params that name a viewer, the first present counting: Adobe's visitor keys (docs/api.md). */
    private static final List<String> VIEWER_PARAMS = List.of("visitor.marketingCloudUserId", "analytics.visitorId",
            "appInstallationId", "analytics.aid");

    public LintSession {
        events = List.copyOf(events);
    }

    /**
     * A session from its requests. It was downloaded if it was closed as one, or if its sessionStart says so
     * ({@code media.downloaded}: a downloaded batch that ends with its own sessionEnd is closed by it).
     */
    public static LintSession of(LintEvent start, List<LintEvent> events, CloseCause cause) {
        boolean downloaded = cause == CloseCause.DOWNLOADED
                || start.params().path("media.downloaded").asBoolean(false);
        return new LintSession(start, events, downloaded, cause, null);
    }

    /** The same session, knowing the viewer's latest earlier session of the same content. */
    public LintSession withEarlier(EarlierViewing viewing) {
        return new LintSession(start, events, downloaded, closeCause, viewing);
    }

    /**
     * Who watched what: the first visitor key the sessionStart has, with its {@code media.id}; empty when either is
     * missing (then no session can be told to continue another).
     */
    public Optional<String> viewerAndContent() {
        String mediaId = start.text("media.id");
        for (String param : VIEWER_PARAMS) {
            String viewer = start.text(param);
            if (viewer != null && mediaId != null) {
                return Optional.of(param + "=" + viewer + "\n" + mediaId);
            }
        }
        return Optional.empty();
    }

    /** This session as a later session of the same viewer and content sees it. */
    public EarlierViewing asEarlier(String sessionId) {
        LintEvent last = start;
        Instant lastArrival = start.receivedAt();
        boolean completed = false;
        for (LintEvent event : events) {
            if (event.ts() >= last.ts()) {
                last = event;
            }
            lastArrival = event.receivedAt().isAfter(lastArrival) ? event.receivedAt() : lastArrival;
            completed |= event.type() == EventType.SESSION_COMPLETE;
        }
        return new EarlierViewing(sessionId, lastArrival, last.playhead(), completed);
    }

    /** {@code media.contentType} is one of Adobe's live types. */
    public boolean live() {
        String type = start.text("media.contentType");
        return type != null && LIVE_CONTENT_TYPES.contains(type.toLowerCase(Locale.ROOT));
    }

    /** {@code media.length} in seconds, 0 when absent. */
    public double mediaLength() {
        return start.number("media.length").orElse(0);
    }

    public boolean closed() {
        return closeCause != null;
    }
}
