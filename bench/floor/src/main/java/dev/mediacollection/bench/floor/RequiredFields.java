package dev.mediacollection.bench.floor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.mediacollection.generated.model.PlayerTime;
import dev.mediacollection.generated.model.SessionStart;
import dev.mediacollection.generated.model.SessionStartParams;
import dev.mediacollection.generated.model.Violation;

/**
 * The raw Vert.x baseline's checks, on the bound model: {@code playerTime} with {@code playhead} and {@code ts}
 * on every event, and the eight params a {@code sessionStart} must carry. Binding has already checked
 * {@code eventType} (it chose the class) and the types, as far as Jackson's defaults check them.
 */
final class RequiredFields {

    /** The contract's {@code SessionStartParams.required}, each with its getter. */
    private static final Map<String, Function<SessionStartParams, Object>> START_PARAMS = Map.of(
            "analytics.trackingServer", SessionStartParams::getAnalyticsTrackingServer,
            "analytics.reportSuite", SessionStartParams::getAnalyticsReportSuite,
            "visitor.marketingCloudOrgId", SessionStartParams::getVisitorMarketingCloudOrgId,
            "media.id", SessionStartParams::getMediaId,
            "media.length", SessionStartParams::getMediaLength,
            "media.contentType", SessionStartParams::getMediaContentType,
            "media.playerName", SessionStartParams::getMediaPlayerName,
            "media.channel", SessionStartParams::getMediaChannel);

    /** Each generated event class has its own {@code getPlayerTime()}; the event interfaces do not declare it. */
    private static final ClassValue<MethodHandle> PLAYER_TIME = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> eventClass) {
            try {
                return MethodHandles.publicLookup()
                        .findVirtual(eventClass, "getPlayerTime", MethodType.methodType(PlayerTime.class))
                        .asType(MethodType.methodType(PlayerTime.class, Object.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(eventClass + " has no playerTime", e);
            }
        }
    };

    private RequiredFields() {
    }

    /** The first required member the session start lacks, or {@code null}; pointers start with {@code prefix}. */
    static Violation missingFromSessionStart(SessionStart start, String prefix) {
        Violation missing = missingFromEvent(start, prefix);
        if (missing != null) {
            return missing;
        }
        SessionStartParams params = start.getParams();
        if (params == null) {
            return required(prefix + "/params");
        }
        for (Map.Entry<String, Function<SessionStartParams, Object>> param : START_PARAMS.entrySet()) {
            if (param.getValue().apply(params) == null) {
                return required(prefix + "/params/" + param.getKey());
            }
        }
        return null;
    }

    /** The first required member the event lacks, or {@code null}; pointers start with {@code prefix}. */
    static Violation missingFromEvent(Object event, String prefix) {
        if (event == null) {
            return required(prefix);
        }
        PlayerTime time = playerTime(event);
        if (time == null) {
            return required(prefix + "/playerTime");
        }
        if (time.getPlayhead() == null) {
            return required(prefix + "/playerTime/playhead");
        }
        return time.getTs() == null ? required(prefix + "/playerTime/ts") : null;
    }

    /** The first required member a downloaded session lacks, or {@code null}. */
    static Violation missingFromDownloaded(List<?> events) {
        if (events == null || events.isEmpty()) {
            return new Violation().pointer("").detail("must hold the session's events, sessionStart first");
        }
        if (!(events.get(0) instanceof SessionStart start)) {
            return new Violation().pointer("/0/eventType").detail("must be sessionStart");
        }
        Violation missing = missingFromSessionStart(start, "/0");
        for (int i = 1; missing == null && i < events.size(); i++) {
            missing = missingFromEvent(events.get(i), "/" + i);
        }
        return missing;
    }

    private static Violation required(String pointer) {
        return new Violation().pointer(pointer).detail("is required");
    }

    private static PlayerTime playerTime(Object event) {
        try {
            return (PlayerTime) PLAYER_TIME.get(event.getClass()).invokeExact(event);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
