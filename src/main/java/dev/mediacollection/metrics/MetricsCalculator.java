package dev.mediacollection.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.session.EventType;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.StoredEvent;

/**
 * Derives a session's media metrics with Adobe's rules (docs/metrics.md states each rule and its source). Events are
 * replayed in {@code ts} order, arrival order breaking ties, after the {@code sessionStart}; the time between two
 * events counts toward what the player was doing after the first of them. Durations come from {@code ts}, never
 * from the playhead.
 */
public final class MetricsCalculator {

    /** Adobe keeps at most this many player states per session; later ones are dropped. */
    static final int MAX_STATES = 10;
    /** A stall is this many consecutive events while playing content without the playhead moving. */
    static final int STALL_EVENTS = 3;
    private static final int[] PROGRESS_MARKERS = { 10, 25, 50, 75, 95 };
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricsCalculator() {
    }

    public static MediaMetrics of(Session session, List<StoredEvent> events) {
        Replay replay = new Replay(body(session.start()));
        List<StoredEvent> inTsOrder = new ArrayList<>(events);
        inTsOrder.sort(Comparator.comparingLong((StoredEvent stored) -> stored.event().ts())
                .thenComparingLong(StoredEvent::sequence));
        replay.apply(session.start());
        for (StoredEvent stored : inTsOrder) {
            replay.apply(stored.event());
        }
        return replay.metrics(!session.lifecycle().state().takesEvents());
    }

    private static JsonNode body(ReceivedEvent event) {
        try {
            return JSON.readTree(event.body());
        } catch (JsonProcessingException e) {
            // Stored bodies passed validation; one that does not parse contributes nothing but its type and times.
            return JSON.createObjectNode();
        }
    }

    private enum Playback {
        NOT_PLAYING, PLAYING, PAUSED, BUFFERING
    }

    /** The player as the events describe it, and the totals so far. */
    private static final class Replay {

        private final double mediaLength;
        private final boolean resumed;

        private Playback playback = Playback.NOT_PLAYING;
        private Playback beforeBreak = Playback.NOT_PLAYING;
        private boolean inBreak;
        private boolean inAd;
        private boolean inChapter;
        private long previousTs;
        private double previousPlayhead;

        private boolean contentStarted;
        private boolean contentCompleted;
        private double contentTime;
        private double mediaTime;
        private final List<double[]> playedRanges = new ArrayList<>();
        private int adStarts;
        private int adCompletes;
        private double adTime;
        private int chapterStarts;
        private int chapterCompletes;
        private double chapterTime;
        private int pauseCount;
        private double pauseTime;
        private int bufferCount;
        private double bufferTime;
        private int errorCount;
        private int bitrateChangeCount;
        private Long bitrate;
        private double bitrateTimeProduct;
        private double bitrateTime;
        private Long droppedFrames;
        private Double timeToStart;
        private double furthestContentPlayhead;

        private int stallCount;
        private double stallTime;
        private int stallRun;
        private long stallRunStart;
        private double stallRunPlayhead = Double.NaN;

        private final Map<String, State> states = new LinkedHashMap<>();

        Replay(JsonNode sessionStart) {
            JsonNode params = sessionStart.path("params");
            this.mediaLength = params.path("media.length").asDouble(0);
            this.resumed = params.path("media.resume").asBoolean(false);
        }

        void apply(ReceivedEvent event) {
            boolean first = event.type() == EventType.SESSION_START;
            double seconds = first ? 0 : Math.max(0, event.ts() - previousTs) / 1000.0;
            elapse(seconds, event.playhead());
            JsonNode body = body(event);
            observeQoe(body.path("qoeData"));
            change(event.type(), body.path("params"));
            trackStall(event);
            previousTs = event.ts();
            previousPlayhead = event.playhead();
        }

        /**
         * Time since the previous event counts toward what the player was doing since then. Inside an ad break
         * only ads count; between its ads, nothing does.
         */
        private void elapse(double seconds, double playhead) {
            states.values().stream().filter(state -> state.on).forEach(state -> state.time += seconds);
            if (inBreak && !inAd) {
                return;
            }
            switch (playback) {
                case PLAYING -> {
                    if (inAd) {
                        adTime += seconds;
                    } else {
                        playedContent(seconds, playhead);
                    }
                    played(seconds);
                }
                case PAUSED -> pauseTime += seconds;
                case BUFFERING -> bufferTime += seconds;
                case NOT_PLAYING -> {
                }
            }
        }

        /**
         * Content played from the previous playhead on. An advance larger than the time elapsed is a seek: only the
         * time elapsed counts as timeline played.
         */
        private void playedContent(double seconds, double playhead) {
            contentTime += seconds;
            if (inChapter) {
                chapterTime += seconds;
            }
            double reached = Math.min(playhead, previousPlayhead + seconds);
            if (reached > previousPlayhead) {
                playedRanges.add(new double[] { previousPlayhead, reached });
            }
            furthestContentPlayhead = Math.max(furthestContentPlayhead, Math.max(previousPlayhead, reached));
        }

        private void played(double seconds) {
            mediaTime += seconds;
            if (bitrate != null) {
                bitrateTimeProduct += bitrate * seconds;
                bitrateTime += seconds;
            }
        }

        private boolean playingContent() {
            return playback == Playback.PLAYING && !inBreak;
        }

        private void observeQoe(JsonNode qoe) {
            if (qoe.has("media.qoe.bitrate")) {
                bitrate = qoe.get("media.qoe.bitrate").asLong();
            }
            if (qoe.has("media.qoe.droppedFrames")) {
                long reported = qoe.get("media.qoe.droppedFrames").asLong();
                droppedFrames = droppedFrames == null ? reported : Math.max(droppedFrames, reported);
            }
            if (timeToStart == null && qoe.has("media.qoe.timeToStart")) {
                timeToStart = qoe.get("media.qoe.timeToStart").asLong() / 1000.0;
            }
        }

        private void change(EventType type, JsonNode params) {
            switch (type) {
                case PLAY -> {
                    playback = Playback.PLAYING;
                    contentStarted |= !inBreak;
                }
                case PAUSE_START -> {
                    pauseCount += playback == Playback.PAUSED ? 0 : 1;
                    playback = Playback.PAUSED;
                }
                case BUFFER_START -> {
                    bufferCount += playback == Playback.BUFFERING ? 0 : 1;
                    playback = Playback.BUFFERING;
                }
                case BITRATE_CHANGE -> bitrateChangeCount++;
                case ERROR -> errorCount++;
                case AD_BREAK_START -> {
                    if (!inBreak) {
                        inBreak = true;
                        beforeBreak = playback;
                    }
                }
                case AD_START -> {
                    // Without the break's bookends an ad is not tracked; its time counts as content.
                    if (inBreak) {
                        adStarts++;
                        inAd = true;
                        playback = Playback.PLAYING;
                    }
                }
                case AD_COMPLETE -> {
                    adCompletes += inAd ? 1 : 0;
                    inAd = false;
                }
                case AD_SKIP -> inAd = false;
                case AD_BREAK_COMPLETE -> {
                    if (inBreak) {
                        inBreak = false;
                        inAd = false;
                        playback = beforeBreak;
                    }
                }
                case CHAPTER_START -> {
                    chapterStarts++;
                    inChapter = true;
                }
                case CHAPTER_COMPLETE -> {
                    chapterCompletes += inChapter ? 1 : 0;
                    inChapter = false;
                }
                case CHAPTER_SKIP -> inChapter = false;
                case STATE_START -> state(params.path("media.state.name").asText(), true);
                case STATE_END -> state(params.path("media.state.name").asText(), false);
                case STATES_UPDATE -> {
                    params.path("statesStart").forEach(state -> state(state.path("media.state.name").asText(), true));
                    params.path("statesEnd").forEach(state -> state(state.path("media.state.name").asText(), false));
                }
                case SESSION_COMPLETE -> {
                    contentCompleted = true;
                    playback = Playback.NOT_PLAYING;
                }
                case SESSION_END -> playback = Playback.NOT_PLAYING;
                case SESSION_START, PING -> {
                }
            }
        }

        private void state(String name, boolean on) {
            State state = states.get(name);
            if (state == null) {
                if (!on || states.size() >= MAX_STATES) {
                    return;
                }
                state = new State();
                states.put(name, state);
            }
            if (on && !state.on) {
                state.count++;
            }
            state.on = on;
        }

        /** A run of events, while playing content, that all bring the same playhead. */
        private void trackStall(ReceivedEvent event) {
            if (playingContent() && event.playhead() == stallRunPlayhead) {
                stallRun++;
                return;
            }
            endStallRun(event.ts());
            if (playingContent()) {
                stallRun = 1;
                stallRunStart = event.ts();
                stallRunPlayhead = event.playhead();
            }
        }

        private void endStallRun(long ts) {
            if (stallRun >= STALL_EVENTS) {
                stallCount++;
                stallTime += (ts - stallRunStart) / 1000.0;
            }
            stallRun = 0;
            stallRunPlayhead = Double.NaN;
        }

        MediaMetrics metrics(boolean ended) {
            endStallRun(previousTs);
            int[] progress = new int[PROGRESS_MARKERS.length];
            for (int i = 0; i < progress.length; i++) {
                progress[i] = mediaLength > 0 && furthestContentPlayhead >= mediaLength * PROGRESS_MARKERS[i] / 100.0
                        ? 1 : 0;
            }
            Map<String, MediaMetrics.StateMetrics> stateMetrics = new LinkedHashMap<>();
            states.forEach((name, state) -> stateMetrics.put(name,
                    new MediaMetrics.StateMetrics(1, state.count, round(state.time))));
            return new MediaMetrics(
                    resumed ? 0 : 1,
                    contentStarted ? 1 : 0,
                    contentCompleted ? 1 : 0,
                    round(contentTime),
                    round(mediaTime),
                    round(uniqueTime()),
                    adStarts,
                    adCompletes,
                    round(adTime),
                    adStarts,
                    chapterStarts,
                    chapterCompletes,
                    round(chapterTime),
                    chapterStarts,
                    pauseCount,
                    round(pauseTime),
                    bufferCount,
                    round(bufferTime),
                    stallCount,
                    round(stallTime),
                    errorCount,
                    bitrateChangeCount,
                    bitrateTime > 0 ? round(bitrateTimeProduct / bitrateTime / 1000) : null,
                    droppedFrames,
                    timeToStart,
                    progress[0], progress[1], progress[2], progress[3], progress[4],
                    ended && !contentStarted ? 1 : 0,
                    resumed ? 1 : 0,
                    (int) Math.floor(mediaTime / 1800) + 1,
                    stateMetrics);
        }

        /** The length of the union of the content ranges played. */
        private double uniqueTime() {
            playedRanges.sort(Comparator.comparingDouble(range -> range[0]));
            double total = 0;
            double coveredTo = Double.NEGATIVE_INFINITY;
            for (double[] range : playedRanges) {
                double from = Math.max(range[0], coveredTo);
                if (range[1] > from) {
                    total += range[1] - from;
                    coveredTo = range[1];
                }
            }
            return total;
        }

        private static double round(double seconds) {
            return Math.round(seconds * 1000) / 1000.0;
        }
    }

    private static final class State {
        boolean on;
        int count;
        double time;
    }
}
