package dev.mediacollection.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.metrics.MediaMetrics.Ads;
import dev.mediacollection.metrics.MediaMetrics.Chapters;
import dev.mediacollection.metrics.MediaMetrics.Core;
import dev.mediacollection.metrics.MediaMetrics.Quality;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.StoredEvent;

/**
 * Derives a session's media metrics with Adobe's rules (docs/metrics.md states each rule and its source). Events are
 * replayed in {@code ts} order, arrival order breaking ties, after the {@code sessionStart}; the time between two
 * events counts toward what the player was doing after the first of them, and nothing counts after the last one.
 * Durations come from {@code ts}, never from the playhead.
 */
public final class MetricsCalculator {

    private static final int[] PROGRESS_MARKERS = { 10, 25, 50, 75, 95 };
    /** Adobe's estimated streams: one per started half hour of media time spent. */
    private static final double STREAM_SECONDS = 1800;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final double mediaLength;
    private final boolean resumed;
    private final boolean authorized;

    private final Player player = new Player();
    private final TimeSpent timeSpent = new TimeSpent();
    private final Spans spans = new Spans();
    private final Stalls stalls = new Stalls(timeSpent, spans);
    private final ContentCoverage coverage = new ContentCoverage();
    private final QoeReadings qoe = new QoeReadings();
    private final PlayerStateTracker states = new PlayerStateTracker();

    private long previousTs;
    private double previousPlayhead;

    private MetricsCalculator(JsonNode sessionStart) {
        JsonNode params = sessionStart.path("params");
        this.mediaLength = params.path("media.length").asDouble(0);
        this.resumed = params.path("media.resume").asBoolean(false);
        this.authorized = "true".equalsIgnoreCase(params.path("media.pass.auth").asText());
    }

    /**
     * The session's metrics up to its last event: final once it stopped taking events, a standing while it is open.
     */
    public static MediaMetrics of(Session session, List<StoredEvent> events) {
        return replay(session, events).metrics(isFinal(session));
    }

    /** The session's playback as spans of device time, by the same replay as its metrics. */
    public static PlaybackTimeline timeline(Session session, List<StoredEvent> events) {
        MetricsCalculator replay = replay(session, events);
        replay.stalls.finish();
        return new PlaybackTimeline(isFinal(session), replay.previousTs, replay.spans.list());
    }

    private static MetricsCalculator replay(Session session, List<StoredEvent> events) {
        JsonNode start = body(session.start());
        MetricsCalculator replay = new MetricsCalculator(start);
        replay.apply(session.start(), start);
        List<StoredEvent> inTsOrder = new ArrayList<>(events);
        inTsOrder.sort(Comparator.comparingLong((StoredEvent stored) -> stored.event().ts())
                .thenComparingLong(StoredEvent::sequence));
        for (StoredEvent stored : inTsOrder) {
            replay.apply(stored.event(), body(stored.event()));
        }
        return replay;
    }

    private static boolean isFinal(Session session) {
        return !session.lifecycle().state().takesEvents();
    }

    private static JsonNode body(ReceivedEvent event) {
        try {
            return JSON.readTree(event.body());
        } catch (JsonProcessingException e) {
            // Stored bodies passed validation; one that does not parse contributes nothing but its type and times.
            return JSON.createObjectNode();
        }
    }

    private void apply(ReceivedEvent event, JsonNode body) {
        boolean first = event.type() == EventType.SESSION_START;
        elapse(first ? 0 : Math.max(0, event.ts() - previousTs) / 1000.0, event);
        qoe.observe(body.path("qoeData"));
        player.apply(event.type());
        states.apply(event.type(), body.path("params"));
        stalls.after(event, player.activity() == Activity.CONTENT);
        if (player.contentStarted() && !player.inBreak()) {
            coverage.reached(event.playhead());
        }
        previousTs = event.ts();
        previousPlayhead = event.playhead();
    }

    /** The time since the previous event counts toward what the player was doing since then. */
    private void elapse(double seconds, ReceivedEvent event) {
        Activity activity = player.activity();
        stalls.ledgerUpTo(event).add(activity, seconds, player.inChapter(), qoe.bitrate());
        spans.add(activity, previousTs, event.ts(), previousPlayhead, event.playhead(), stalls.holding());
        if (activity == Activity.CONTENT) {
            coverage.played(previousPlayhead, event.playhead(), seconds);
        }
        states.elapse(seconds);
    }

    private MediaMetrics metrics(boolean isFinal) {
        stalls.finish();
        double contentTime = round(timeSpent.content());
        double mediaTime = round(timeSpent.media());
        int[] progress = new int[PROGRESS_MARKERS.length];
        for (int i = 0; i < progress.length; i++) {
            progress[i] = coverage.progress(PROGRESS_MARKERS[i], mediaLength);
        }
        Core core = new Core(
                resumed ? 0 : 1,
                flag(resumed),
                flag(player.contentStarted()),
                flag(player.contentCompleted()),
                contentTime,
                mediaTime,
                round(coverage.uniqueSeconds()),
                mediaLength > 0 ? contentTime / mediaLength : null,
                coverage.segmentsPlayed(),
                (int) Math.min(Math.floor(mediaTime / STREAM_SECONDS) + 1, Integer.MAX_VALUE),
                progress[0], progress[1], progress[2], progress[3], progress[4],
                player.pauseEvents(),
                round(timeSpent.paused()),
                flag(player.pauseEvents() > 0),
                flag(authorized));
        Ads ads = new Ads(player.adStarts(), player.adCompletes(), round(timeSpent.ad()), player.adStarts());
        Chapters chapters = new Chapters(player.chapterStarts(), player.chapterCompletes(),
                round(timeSpent.chapter()), player.chapterStarts());
        Double averageBitrate = timeSpent.averageBitrateKbps();
        Long droppedFrames = qoe.droppedFrames();
        Quality quality = new Quality(
                qoe.timeToStart(),
                flag(isFinal && !player.contentStarted()),
                player.bufferEvents(),
                round(timeSpent.buffering()),
                flag(player.bufferEvents() > 0),
                stalls.count(),
                round(stalls.seconds()),
                flag(stalls.count() > 0),
                player.errorEvents(),
                flag(player.errorEvents() > 0),
                player.bitrateChanges(),
                flag(player.bitrateChanges() > 0),
                averageBitrate == null ? null : round(averageBitrate),
                droppedFrames,
                flag(droppedFrames != null && droppedFrames > 0));
        return new MediaMetrics(isFinal, previousTs, core, ads, chapters, quality, states.metrics());
    }

    private static int flag(boolean set) {
        return set ? 1 : 0;
    }

    /** Seconds to the millisecond, the resolution of {@code ts}. */
    static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
