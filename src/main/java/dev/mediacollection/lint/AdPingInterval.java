package dev.mediacollection.lint;

/**
 * How often a session must ping inside an ad. Adobe's pages say every second ("granular ad tracking") or every 10
 * seconds, depending on the page and the year; the wire does not say which the player was set up for.
 */
public enum AdPingInterval {
    /** Every second for a session that shows it pings every second in ads, every 10 seconds for the others. */
    AUTO,
    /** Every 10 seconds, as for main content. */
    TEN_SECONDS,
    /** Every second in every session. */
    ONE_SECOND
}
