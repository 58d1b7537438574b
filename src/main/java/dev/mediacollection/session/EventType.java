package dev.mediacollection.session;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event types of the Media Collection API, by their wire names. */
public enum EventType {

    SESSION_START("sessionStart"),
    PLAY("play"),
    PING("ping"),
    PAUSE_START("pauseStart"),
    BUFFER_START("bufferStart"),
    BITRATE_CHANGE("bitrateChange"),
    ERROR("error"),
    AD_BREAK_START("adBreakStart"),
    AD_START("adStart"),
    AD_COMPLETE("adComplete"),
    AD_SKIP("adSkip"),
    AD_BREAK_COMPLETE("adBreakComplete"),
    CHAPTER_START("chapterStart"),
    CHAPTER_COMPLETE("chapterComplete"),
    CHAPTER_SKIP("chapterSkip"),
    STATE_START("stateStart"),
    STATE_END("stateEnd"),
    STATES_UPDATE("statesUpdate"),
    SESSION_COMPLETE("sessionComplete"),
    SESSION_END("sessionEnd");

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The event type of a wire name; the request was validated, so an unknown name is a programming error. */
    public static EventType fromWireName(String wireName) {
        EventType type = BY_WIRE_NAME.get(wireName);
        if (type == null) {
            throw new IllegalArgumentException("Not an event type: " + wireName);
        }
        return type;
    }
}
