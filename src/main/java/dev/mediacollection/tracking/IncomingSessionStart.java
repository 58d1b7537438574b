package dev.mediacollection.tracking;

/**
 * A valid {@code sessionStart} request, with what sessions are looked up and reported by.
 *
 * @param event       the request
 * @param mediaId     its {@code params["media.id"]}
 * @param playerName  its {@code params["media.playerName"]}
 * @param channel     its {@code params["media.channel"]}
 * @param contentType its {@code params["media.contentType"]}
 */
public record IncomingSessionStart(IncomingEvent event, String mediaId, String playerName, String channel,
        String contentType) {
}
