package dev.mediacollection.lint;

import java.util.List;

/**
 * The player states one event ends and starts: a {@code stateStart} starts one, a {@code stateEnd} ends one, a
 * {@code statesUpdate} ends its {@code statesEnd} list first, then starts its {@code statesStart} list.
 */
record StateChange(List<String> ended, List<String> started) {

    static StateChange of(LintEvent event) {
        return switch (event.type()) {
            case STATE_START -> new StateChange(List.of(), Player.stateNames(List.of(event.params())));
            case STATE_END -> new StateChange(Player.stateNames(List.of(event.params())), List.of());
            case STATES_UPDATE -> new StateChange(
                    Player.stateNames(Player.elements(event.params().path("statesEnd"))),
                    Player.stateNames(Player.elements(event.params().path("statesStart"))));
            default -> new StateChange(List.of(), List.of());
        };
    }
}
