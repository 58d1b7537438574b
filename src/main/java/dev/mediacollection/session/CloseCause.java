package dev.mediacollection.session;

/** Why a session stopped taking events. */
public enum CloseCause {
    /** The player sent {@code sessionEnd}. */
    SESSION_END,
    /** No event arrived for the idle timeout (10 minutes on Adobe's back end). */
    IDLE,
    /** The playhead did not move for the stalled timeout (30 minutes on Adobe's back end), for example paused. */
    STALLED,
    /** A downloaded session arrives whole; nothing can be added afterwards. */
    DOWNLOADED
}
