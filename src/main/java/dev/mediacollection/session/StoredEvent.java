package dev.mediacollection.session;

/**
 * An event as kept with its session.
 *
 * @param sequence its place in the session's arrival order, from 1 ({@code sessionStart} is the session itself)
 * @param event    the request
 */
public record StoredEvent(long sequence, ReceivedEvent event) {
}
