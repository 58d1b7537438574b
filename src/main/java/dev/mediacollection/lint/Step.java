package dev.mediacollection.lint;

/**
 * One event in processing order, with the player before and after it.
 *
 * @param index  its place in processing order (0: the sessionStart)
 * @param event  the event
 * @param before what the earlier events had said about the player
 * @param after  what they say with this event
 */
public record Step(int index, LintEvent event, PlayerView before, PlayerView after) {
}
