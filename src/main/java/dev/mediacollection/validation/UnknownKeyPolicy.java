package dev.mediacollection.validation;

/** What to do with a key the contract does not define. */
public enum UnknownKeyPolicy {
    /** A violation, as Adobe's published schemas have it ({@code additionalProperties: false}). */
    REJECT,
    /** Accepted and kept as received; reported so that it can be logged. */
    ACCEPT
}
