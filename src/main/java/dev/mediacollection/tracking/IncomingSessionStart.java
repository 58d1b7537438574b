package dev.mediacollection.tracking;

/**
 * A valid {@code sessionStart} request, with what sessions are looked up by.
 *
 * @param event      the request
 * @param mediaId    its {@code params["media.id"]}
 * @param playerName its {@code params["media.playerName"]}
 */
public record IncomingSessionStart(IncomingEvent event, String mediaId, String playerName) {
}
