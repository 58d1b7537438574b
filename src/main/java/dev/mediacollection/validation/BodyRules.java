package dev.mediacollection.validation;

import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rules on a whole request body that OpenAPI 3.0 cannot state (it has no keyword for "the first element" or for
 * rules across elements). The contract names them in {@code x-body-rules} next to the body's schema, says in its
 * {@code x-refused-by} which profile refuses each, and describes them in prose; an unknown name stops the service at
 * start-up.
 */
final class BodyRules {

    private static final String SESSION_START = "sessionStart";
    private static final String SESSION_END = "sessionEnd";
    private static final String DOWNLOADED = "media.downloaded";

    private final Refusals refusals;

    private BodyRules(Refusals refusals) {
        this.refusals = refusals;
    }

    static BiConsumer<JsonNode, ValidationReport> named(String name, Refusals refusals, String location) {
        BodyRules rules = new BodyRules(refusals);
        Rule rule = Rule.ofId(name);
        if (rule == Rule.DOWNLOADED_SESSION_START) {
            return rules::downloadedSessionStart;
        }
        if (rule == Rule.DOWNLOADED_SESSION_ORDER) {
            return rules::downloadedSessionOrder;
        }
        if (rule == Rule.DOWNLOADED_FLAG_MATCHES_SHAPE) {
            return rules::downloadedFlagMatchesShape;
        }
        throw new IllegalStateException("Unknown x-body-rules entry " + name + " at " + location);
    }

    /** A downloaded session is its sessionStart, then its events: the first element opens it. */
    void downloadedSessionStart(JsonNode body, ValidationReport report) {
        if (!body.isArray() || body.isEmpty()) {
            return;
        }
        String type = body.get(0).path("eventType").textValue();
        if (type != null && !type.equals(SESSION_START)) {
            violation(report, JsonPath.ROOT.child(0).child("eventType"), Rule.DOWNLOADED_SESSION_START,
                    "must be \"sessionStart\": a downloaded session starts with its sessionStart");
        }
    }

    /** One sessionStart only; nothing after sessionEnd. */
    void downloadedSessionOrder(JsonNode body, ValidationReport report) {
        if (!body.isArray()) {
            return;
        }
        int end = -1;
        for (int i = 0; i < body.size(); i++) {
            String type = body.get(i).path("eventType").textValue();
            JsonPath at = JsonPath.ROOT.child(i);
            if (i > 0 && SESSION_START.equals(type)) {
                violation(report, at.child("eventType"), Rule.DOWNLOADED_SESSION_ORDER,
                        "must not be \"sessionStart\": only the first element opens the session");
            }
            if (end >= 0) {
                violation(report, at, Rule.DOWNLOADED_SESSION_ORDER,
                        "comes after the sessionEnd at /" + end + "; nothing may follow sessionEnd");
            } else if (SESSION_END.equals(type)) {
                end = i;
            }
        }
    }

    /**
     * {@code media.downloaded: true} marks a downloaded session: required on the first element of the deprecated
     * array form, refused on a live (single object) sessionStart.
     */
    void downloadedFlagMatchesShape(JsonNode body, ValidationReport report) {
        if (body.isObject()) {
            if (body.path("params").path(DOWNLOADED).asBoolean(false)) {
                violation(report, JsonPath.ROOT.child("params").child(DOWNLOADED), Rule.DOWNLOADED_FLAG_MATCHES_SHAPE,
                        "must not be true on a single sessionStart: upload downloaded content as an array"
                                + " (POST /api/v1/downloaded)");
            }
        } else if (body.isArray() && SESSION_START.equals(body.path(0).path("eventType").textValue())) {
            JsonNode flag = body.get(0).path("params").get(DOWNLOADED);
            JsonPath at = JsonPath.ROOT.child(0).child("params").child(DOWNLOADED);
            if (flag == null) {
                violation(report, at, Rule.DOWNLOADED_FLAG_MATCHES_SHAPE, "is required: an array sent here is a"
                        + " downloaded session, marked \"media.downloaded\": true");
            } else if (flag.isBoolean() && !flag.booleanValue()) {
                violation(report, at, Rule.DOWNLOADED_FLAG_MATCHES_SHAPE,
                        "must be true: an array sent here is a downloaded session");
            }
        }
    }

    private void violation(ValidationReport report, JsonPath at, Rule rule, String detail) {
        report.violation(at, rule, refusals.of(rule), detail);
    }
}
