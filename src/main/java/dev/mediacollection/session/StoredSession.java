package dev.mediacollection.session;

/**
 * A session as kept, with how many events it has received after its {@code sessionStart}.
 */
public record StoredSession(Session session, long eventCount) {
}
