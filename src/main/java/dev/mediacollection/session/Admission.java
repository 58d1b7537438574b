package dev.mediacollection.session;

/**
 * What an arriving event does to its session, as the lifecycle rules decide ({@link Lifecycle#admit}); a store
 * applies it atomically.
 */
public sealed interface Admission {

    /**
     * The event is kept; the session then stands at {@code next}. {@code late}: the session had ended with
     * {@code sessionEnd} and the event happened before that end, so it is kept and the session stays as it was.
     */
    record Kept(Lifecycle next, boolean late) implements Admission {
    }

    /**
     * The event is refused: the session, standing at {@code standing}, takes no more events. {@code expiredNow}: it
     * was open until this event found its timeout run out, and {@code standing} is its expiry.
     */
    record Refused(Lifecycle standing, boolean expiredNow, Refusal refusal) implements Admission {
    }

    /** Why a session that stopped taking events refuses one more. */
    enum Refusal {
        /** It expired or was uploaded whole: it takes no event at all. */
        CLOSED,
        /** It ended with {@code sessionEnd}, and the event's {@code ts} is after the {@code sessionEnd}'s. */
        AFTER_END,
        /** It ended with {@code sessionEnd} longer ago than the late-event window. */
        TOO_LATE
    }
}
