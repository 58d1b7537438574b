package dev.mediacollection.validation;

import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rules on a whole request body that OpenAPI 3.0 cannot state (it has no keyword for "the first element" or for
 * rules across elements). The contract names them in {@code x-body-rules} next to the body's schema and
 * describes them in prose; an unknown name stops the service at start-up.
 */
final class BodyRules {

    private static final String SESSION_START = "sessionStart";
    private static final String SESSION_END = "sessionEnd";
    private static final String DOWNLOADED = "media.downloaded";

    private BodyRules() {
    }

    static BiConsumer<JsonNode, ValidationReport> named(String name, String location) {
        return switch (name) {
            case "downloaded-session-order" -> BodyRules::downloadedSessionOrder;
            case "downloaded-flag-matches-shape" -> BodyRules::downloadedFlagMatchesShape;
            default -> throw new IllegalStateException("Unknown x-body-rules entry " + name + " at " + location);
        };
    }

    /** A downloaded session is its sessionStart, then its events: one sessionStart, first; nothing after sessionEnd. */
    static void downloadedSessionOrder(JsonNode body, ValidationReport report) {
        if (!body.isArray()) {
            return;
        }
        int end = -1;
        for (int i = 0; i < body.size(); i++) {
            String type = body.get(i).path("eventType").textValue();
            JsonPath at = JsonPath.ROOT.child(i);
            if (i == 0 && type != null && !type.equals(SESSION_START)) {
                report.violation(at.child("eventType"),
                        "must be \"sessionStart\": a downloaded session starts with its sessionStart");
            } else if (i > 0 && SESSION_START.equals(type)) {
                report.violation(at.child("eventType"),
                        "must not be \"sessionStart\": only the first element opens the session");
            }
            if (end >= 0) {
                report.violation(at, "comes after the sessionEnd at /" + end + "; nothing may follow sessionEnd");
            } else if (SESSION_END.equals(type)) {
                end = i;
            }
        }
    }

    /**
     * {@code media.downloaded: true} marks a downloaded session: required on the first element of the deprecated
     * array form, refused on a live (single object) sessionStart.
     */
    static void downloadedFlagMatchesShape(JsonNode body, ValidationReport report) {
        if (body.isObject()) {
            if (body.path("params").path(DOWNLOADED).asBoolean(false)) {
                report.violation(JsonPath.ROOT.child("params").child(DOWNLOADED),
                        "must not be true on a single sessionStart: upload downloaded content as an array"
                                + " (POST /api/v1/downloaded)");
            }
        } else if (body.isArray() && SESSION_START.equals(body.path(0).path("eventType").textValue())) {
            JsonNode flag = body.get(0).path("params").get(DOWNLOADED);
            JsonPath at = JsonPath.ROOT.child(0).child("params").child(DOWNLOADED);
            if (flag == null) {
                report.violation(at, "is required: an array sent here is a downloaded session, marked"
                        + " \"media.downloaded\": true");
            } else if (flag.isBoolean() && !flag.booleanValue()) {
                report.violation(at, "must be true: an array sent here is a downloaded session");
            }
        }
    }
}
