package dev.mediacollection.lint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.lint.PlayerView.Phase;
import dev.mediacollection.lint.PlayerView.Playback;

/**
 * Steps through a session's events in processing order and says, after each, what they have said about the player.
 * It reads a mistaken sequence the way Adobe's SDKs would have sent the right one: a second {@code adStart} closes
 * the open ad, a second {@code adBreakStart} replaces the open break, an {@code adBreakComplete} closes its ad; so
 * each mistake is reported once, by its own rule.
 */
final class Player {

    static final String STATE_NAME = "media.state.name";

    private Phase phase = Phase.OPEN;
    private Playback playback = Playback.STARTING;
    private Playback beforeBreak = Playback.STARTING;
    private LintEvent playbackSetBy;
    private boolean playbackBegun;
    private LintEvent firstContentPlay;
    private LintEvent sessionComplete;
    private LintEvent adBreak;
    private LintEvent ad;
    private LintEvent previousAdInBreak;
    private LintEvent lastAdClose;
    private LintEvent lastBreakComplete;
    private LintEvent afterBreak;
    private LintEvent chapter;
    private Map<String, LintEvent> activeStates = Map.of();
    private Set<String> statesSeen = Set.of();

    private PlayerView view = snapshot();

    /** What the events before the first one said: nothing yet. */
    PlayerView view() {
        return view;
    }

    /** Applies one event and returns the player after it. */
    PlayerView apply(LintEvent event) {
        if (afterBreak != null && !leavesAfterBreakOpen(event)) {
            afterBreak = null;
        }
        switch (event.type()) {
            case PLAY -> {
                setPlayback(Playback.PLAYING, event);
                playbackBegun = true;
                if (firstContentPlay == null && adBreak == null) {
                    firstContentPlay = event;
                }
            }
            case PAUSE_START -> setPlayback(Playback.PAUSED, event);
            case BUFFER_START -> setPlayback(Playback.BUFFERING, event);
            case AD_BREAK_START -> {
                if (adBreak == null) {
                    beforeBreak = playback;
                }
                adBreak = event;
                ad = null;
                previousAdInBreak = null;
            }
            case AD_START -> {
                ad = event;
                playbackBegun = true;
                if (adBreak != null) {
                    previousAdInBreak = event;
                    // Adobe's back end counts an ad as playing without a play (iOS SDK, MediaEventTracker).
                    setPlayback(Playback.PLAYING, event);
                }
            }
            case AD_COMPLETE, AD_SKIP -> {
                if (ad != null) {
                    ad = null;
                    lastAdClose = event;
                }
            }
            case AD_BREAK_COMPLETE -> {
                ad = null;
                if (adBreak != null) {
                    adBreak = null;
                    previousAdInBreak = null;
                    lastBreakComplete = event;
                    afterBreak = event;
                    playback = beforeBreak;
                }
            }
            case CHAPTER_START -> chapter = event;
            case CHAPTER_COMPLETE, CHAPTER_SKIP -> chapter = null;
            case STATE_START -> startStates(List.of(event.params()), event);
            case STATE_END -> endStates(List.of(event.params()));
            case STATES_UPDATE -> {
                endStates(elements(event.params().path("statesEnd")));
                startStates(elements(event.params().path("statesStart")), event);
            }
            case SESSION_COMPLETE -> {
                phase = Phase.COMPLETE;
                if (sessionComplete == null) {
                    sessionComplete = event;
                }
            }
            case SESSION_END -> phase = Phase.ENDED;
            case SESSION_START, PING, BITRATE_CHANGE, ERROR -> {
            }
        }
        view = snapshot();
        return view;
    }

    /** Chapter, state, bitrate and error events say nothing about playback: the break's end still awaits a state. */
    static boolean leavesAfterBreakOpen(LintEvent event) {
        return switch (event.type()) {
            case CHAPTER_START, CHAPTER_COMPLETE, CHAPTER_SKIP, STATE_START, STATE_END, STATES_UPDATE,
                    BITRATE_CHANGE, ERROR -> true;
            default -> false;
        };
    }

    /** The state names a state event or a {@code statesUpdate} list names, in order. */
    static List<String> stateNames(List<JsonNode> states) {
        return states.stream().map(state -> state.path(STATE_NAME))
                .filter(JsonNode::isTextual).map(JsonNode::textValue).toList();
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new java.util.ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    private void setPlayback(Playback next, LintEvent by) {
        playback = next;
        playbackSetBy = by;
    }

    private void startStates(List<JsonNode> states, LintEvent by) {
        List<String> names = stateNames(states);
        if (names.isEmpty()) {
            return;
        }
        Map<String, LintEvent> active = new LinkedHashMap<>(activeStates);
        Set<String> seen = new LinkedHashSet<>(statesSeen);
        for (String name : names) {
            active.putIfAbsent(name, by);
            seen.add(name);
        }
        activeStates = Collections.unmodifiableMap(active);
        statesSeen = Collections.unmodifiableSet(seen);
    }

    private void endStates(List<JsonNode> states) {
        List<String> names = stateNames(states);
        if (names.isEmpty()) {
            return;
        }
        Map<String, LintEvent> active = new LinkedHashMap<>(activeStates);
        names.forEach(active::remove);
        activeStates = Collections.unmodifiableMap(active);
    }

    private PlayerView snapshot() {
        return new PlayerView(phase, playback, playbackSetBy, playbackBegun, firstContentPlay, sessionComplete,
                adBreak, ad, previousAdInBreak, lastAdClose, lastBreakComplete, afterBreak, chapter, activeStates, statesSeen);
    }
}
