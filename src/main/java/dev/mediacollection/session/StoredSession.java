package dev.mediacollection.session;

/**
 * A session as kept, with how many events it has received after its {@code sessionStart} and what its findings are.
 */
public record StoredSession(Session session, long eventCount, FindingSummary findings) {

    /** A session none of whose requests broke a rule. */
    public StoredSession(Session session, long eventCount) {
        this(session, eventCount, FindingSummary.NONE);
    }
}
