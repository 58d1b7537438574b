package dev.mediacollection.metrics;

/** What the time between two events counts toward: the player's activity after the first of them. */
enum Activity {
    /** Playing main content (or an ad outside an ad break, which Adobe does not track). */
    CONTENT,
    /** Playing an ad inside an ad break. */
    AD,
    PAUSED,
    BUFFERING,
    /** Not playing yet or any more, or between the ads of a break, where the playhead is frozen. */
    NONE
}
