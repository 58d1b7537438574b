package dev.mediacollection.tracking;

/**
 * An accepted {@code sessionStart} request, with what sessions are looked up by.
 *
 * @param event      the request
 * @param mediaId    its {@code params["media.id"]}, or {@code null} when a profile kept it without one
 * @param playerName its {@code params["media.playerName"]}, or {@code null} likewise
 */
public record IncomingSessionStart(IncomingEvent event, String mediaId, String playerName) {
}
