package dev.mediacollection.metrics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.metrics.MediaMetrics.PlayerStates;
import dev.mediacollection.metrics.MediaMetrics.StateMetrics;
import dev.mediacollection.session.EventType;

/**
 * Player states turned on and off by {@code stateStart}, {@code stateEnd} and {@code statesUpdate}, whatever the
 * playback is doing. States are known by their lower-case names, as in Adobe's variables
 * ({@code a.media.states.fullscreen.count} for {@code fullscreen} or {@code fullScreen}).
 */
final class PlayerStateTracker {

    /** Adobe keeps at most this many player states per session, open or closed; later ones are dropped. */
    static final int MAX_STATES = 10;

    private final Map<String, State> states = new LinkedHashMap<>();

    void elapse(double seconds) {
        states.values().stream().filter(state -> state.on).forEach(state -> state.time += seconds);
    }

    void apply(EventType type, JsonNode params) {
        switch (type) {
            case STATE_START -> turn(params, true);
            case STATE_END -> turn(params, false);
            case STATES_UPDATE -> {
                params.path("statesStart").forEach(state -> turn(state, true));
                params.path("statesEnd").forEach(state -> turn(state, false));
            }
            default -> {
            }
        }
    }

    private void turn(JsonNode named, boolean on) {
        String name = named.path("media.state.name").asText().toLowerCase(Locale.ROOT);
        State state = states.get(name);
        if (state == null) {
            if (!on || name.isEmpty() || states.size() >= MAX_STATES) {
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

    PlayerStates metrics() {
        Map<String, StateMetrics> all = new LinkedHashMap<>();
        states.forEach((name, state) -> all.put(name,
                new StateMetrics(1, state.count, MetricsCalculator.round(state.time))));
        StateMetrics closedCaptioning = standard(all, "closedcaptioning");
        StateMetrics fullScreen = standard(all, "fullscreen");
        StateMetrics inFocus = standard(all, "infocus");
        StateMetrics mute = standard(all, "mute");
        StateMetrics pictureInPicture = standard(all, "pictureinpicture");
        return new PlayerStates(
                closedCaptioning.count(), closedCaptioning.set(), closedCaptioning.time(),
                fullScreen.count(), fullScreen.set(), fullScreen.time(),
                inFocus.count(), inFocus.set(), inFocus.time(),
                mute.count(), mute.set(), mute.time(),
                pictureInPicture.count(), pictureInPicture.set(), pictureInPicture.time(),
                all);
    }

    private static StateMetrics standard(Map<String, StateMetrics> all, String name) {
        return all.getOrDefault(name, new StateMetrics(0, 0, 0));
    }

    private static final class State {
        boolean on;
        int count;
        double time;
    }
}
