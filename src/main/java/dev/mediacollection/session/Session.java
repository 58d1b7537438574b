package dev.mediacollection.session;

import java.time.Instant;

/**
 * A tracking session: one playback of one piece of content.
 *
 * @param id         64 lowercase hexadecimal characters
 * @param createdAt  when the session was opened
 * @param start      the {@code sessionStart} request that opened it
 * @param mediaId     its {@code media.id}, to find it by
 * @param playerName  its {@code media.playerName}, to find it by
 * @param channel     its {@code media.channel}, to report by
 * @param contentType its {@code media.contentType}, to report by
 * @param lifecycle   where it stands: open, complete, closed or expired, and since when
 */
public record Session(String id, Instant createdAt, ReceivedEvent start, String mediaId, String playerName,
        String channel, String contentType, Lifecycle lifecycle) {

    public Session withLifecycle(Lifecycle next) {
        return new Session(id, createdAt, start, mediaId, playerName, channel, contentType, next);
    }

    /** The same session with its {@code sessionStart} as read back with its findings. */
    public Session withStart(ReceivedEvent request) {
        return new Session(id, createdAt, request, mediaId, playerName, channel, contentType, lifecycle);
    }
}
