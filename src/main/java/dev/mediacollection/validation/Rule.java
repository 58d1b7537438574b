package dev.mediacollection.validation;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules a request can break, each with a stable id: what a finding, a violation in a problem, and the
 * contract's {@code x-refused-by} name. A closed set: nothing a client sends can add one.
 */
public enum Rule {

    /** A value of another JSON type ({@code "60"} for a number). */
    TYPE("type"),
    /** {@code null} where the contract gives a type: treated as absent outside the profiles that refuse it. */
    NULL_VALUE("null-value"),
    /** A number with a fraction where an integer is required. */
    INTEGER("integer"),
    /** An integer too large for its format (32 or 64 bits). */
    INTEGER_SIZE("integer-size"),
    /** A number too large to represent ({@code 1e400}). */
    FINITE("finite"),
    REQUIRED("required"),
    UNKNOWN_KEY("unknown-key"),
    /** A {@code customMetadata} key with characters outside the contract's pattern. */
    KEY_PATTERN("key-pattern"),
    ENUM("enum"),
    PATTERN("pattern"),
    MINIMUM("minimum"),
    MAXIMUM("maximum"),
    LENGTH("length"),
    DATE_TIME("date-time"),
    MIN_PROPERTIES("min-properties"),
    MAX_PROPERTIES("max-properties"),
    MIN_ITEMS("min-items"),
    MAX_ITEMS("max-items"),
    /** The contract's one discriminator: {@code eventType} missing, not a string, or not an event type here. */
    EVENT_TYPE("event-type"),
    /** {@code media.downloaded: true} marks a batch, never a single sessionStart (an {@code x-body-rules} rule). */
    DOWNLOADED_FLAG_MATCHES_SHAPE("downloaded-flag-matches-shape"),
    /** A downloaded session starts with its sessionStart (an {@code x-body-rules} rule). */
    DOWNLOADED_SESSION_START("downloaded-session-start"),
    /** No second sessionStart, nothing after sessionEnd in a downloaded session (an {@code x-body-rules} rule). */
    DOWNLOADED_SESSION_ORDER("downloaded-session-order"),
    /** The body was not sent as {@code application/json}. */
    CONTENT_TYPE("content-type"),
    /** A query parameter the operation does not declare. */
    UNKNOWN_PARAMETER("unknown-parameter", false),
    /** A query parameter given more than once. */
    REPEATED_PARAMETER("repeated-parameter", false),
    /** A page cursor that is not one of this listing's. */
    CURSOR("cursor", false);

    private static final Map<String, Rule> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Rule::id, Function.identity()));

    private final String id;
    private final boolean ofBodies;

    Rule(String id) {
        this(id, true);
    }

    Rule(String id, boolean ofBodies) {
        this.id = id;
        this.ofBodies = ofBodies;
    }

    public String id() {
        return id;
    }

    /** Whether a request body can break it, and so whether it can be a finding kept with an event. */
    public boolean ofBodies() {
        return ofBodies;
    }

    /** The rule of an id, or {@code null}. */
    static Rule ofId(String id) {
        return BY_ID.get(id);
    }
}
