package dev.mediacollection.tracking;

/**
 * An accepted {@code sessionStart} request, with what sessions are looked up and reported by. Each of those is
 * {@code null} when a profile kept the request without it (or with a value of another type).
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
