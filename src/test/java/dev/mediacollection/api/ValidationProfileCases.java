package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.RawHttp;
import dev.mediacollection.support.Spec;
import dev.mediacollection.validation.ValidationProfile;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 12's cases, each as the three validation profiles answer it: a rule the contract marks as refused from
 * some profile on ({@code x-refused-by}) is a {@code 400} there and in every stricter profile, listing every rule
 * the request breaks; a more lenient profile stores the request as sent, with the same rules, in the same words, as
 * its findings. One subclass per profile.
 */
abstract class ValidationProfileCases {

    static final ValidationProfile LENIENT = ValidationProfile.LENIENT;
    static final ValidationProfile ADOBE = ValidationProfile.ADOBE;
    static final ValidationProfile STRICT = ValidationProfile.STRICT;

    /** A rule broken, as a 400 lists it and as a finding keeps it ({@code pointer} null: the request itself). */
    record Broken(String pointer, String rule, String detail) {

        static Broken of(Map<?, ?> json, String detailKey) {
            return new Broken((String) json.get("pointer"), (String) json.get("rule"), (String) json.get(detailKey));
        }
    }

    /** The profile the service runs with. */
    abstract ValidationProfile profile();

    private boolean refuses(ValidationProfile refusedBy) {
        return refusedBy.compareTo(profile()) <= 0;
    }

    // --- how the body is sent ------------------------------------------------------------------------------------

    /** Media JS 3.0.0 and 3.0.1 set no Content-Type (their XHR then sends text/plain;charset=UTF-8). */
    @ParameterizedTest
    @ValueSource(strings = { "text/plain;charset=UTF-8", "text/plain", "application/x-www-form-urlencoded" })
    void aJsonBodySentAsAnotherTypeIsReadAsJsonOutsideStrict(String contentType) {
        Response answer = given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs(contentType, ContentType.TEXT)
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(start().toString()).when().post(Api.SESSIONS);

        assertSessionStart(answer, STRICT, new Broken(null, "content-type",
                "The body was sent as " + contentType + "; send it as application/json."));
    }

    @Test
    void aJsonBodySentWithoutContentTypeIsReadAsJsonOutsideStrict() throws Exception {
        HttpResponse<String> answer = Api.post(Api.SESSIONS, start().toString().getBytes(StandardCharsets.UTF_8), null);

        Broken missing = new Broken(null, "content-type",
                "The Content-Type header is missing; send the body as application/json.");
        if (profile() == STRICT) {
            assertThat(answer.statusCode()).isEqualTo(400);
            JsonNode problem = Spec.JSON.readTree(answer.body());
            assertThat(problem.path("type").asText()).isEqualTo("/problems/unsupported-media-type");
            assertThat(problem.path("detail").asText()).isEqualTo(missing.detail());
        } else {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            String id = Api.idOf(answer.headers().firstValue("Location").orElseThrow());
            assertThat(startFindings(id)).containsExactly(missing);
        }
    }

    @Test
    void anEventSentWithoutContentTypeIsReadAsJsonOutsideStrict() throws Exception {
        String session = Api.openSession();

        HttpResponse<String> answer = Api.post(Api.eventsPath(session),
                Api.event("play", 0, 1_764_147_601_000L).toString().getBytes(StandardCharsets.UTF_8), null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(profile() == STRICT ? 400 : 204);
        if (profile() != STRICT) {
            assertThat(eventFindings(session, 1)).containsExactly(new Broken(null, "content-type",
                    "The Content-Type header is missing; send the body as application/json."));
        }
    }

    /** A media range, or an empty type, says nothing of the body: strict refuses it, the others read JSON. */
    @ParameterizedTest
    @ValueSource(strings = { "*/*", "application/*", "" })
    void aWildcardOrEmptyContentTypeIsRefusedOnlyByStrict(String contentType) throws IOException {
        byte[] body = start().toString().getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.exchange(RestAssured.port, ("POST " + Api.SESSIONS + " HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.length + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8), 30_000);

        if (profile() == STRICT) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(Spec.JSON.readTree(answer.body()).path("type").asText())
                    .isEqualTo("/problems/unsupported-media-type");
        } else {
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            assertThat(startFindings(Api.idOf(answer.header("Location")))).extracting(Broken::rule)
                    .containsExactly("content-type");
        }
    }

    @Test
    void aBatchSentAsTextIsReadAsJsonOutsideStrict() {
        Response answer = given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("text/plain", ContentType.TEXT)))
                .contentType("text/plain").body(Spec.arrayExample("DownloadedSession").toString())
                .when().post(Api.DOWNLOADED);

        assertSessionStart(answer, STRICT, new Broken(null, "content-type",
                "The body was sent as text/plain; charset=ISO-8859-1; send it as application/json."));
    }

    // --- what the SDKs send that the contract does not allow ----------------------------------------------------

    /** Adobe's iOS SDK does not clamp the playhead. */
    @Test
    void aNegativePlayheadIsAFindingOutsideStrict() {
        ObjectNode body = start();
        body.with("playerTime").put("playhead", -0.5);
        assertSessionStart(post(Api.SESSIONS, body), STRICT,
                new Broken("/playerTime/playhead", "minimum", "must be at least 0"));

        assertEvent(Api.event("ping", -2, 1_764_147_601_000L), STRICT,
                new Broken("/playerTime/playhead", "minimum", "must be at least 0"));
    }

    /** Adobe's iOS SDK leaves out the channel and player name it was not configured with. */
    @Test
    void aSessionStartWithoutChannelAndPlayerNameIsKeptOnlyByLenient() {
        ObjectNode body = start();
        body.with("params").remove(List.of("media.channel", "media.playerName"));

        String id = assertSessionStart(post(Api.SESSIONS, body), ADOBE,
                new Broken("/params/media.playerName", "required", "is required"),
                new Broken("/params/media.channel", "required", "is required"));

        if (id != null) {
            Map<String, Object> summary = summary(id);
            assertThat(summary).doesNotContainKey("playerName").containsEntry("mediaId", "video-3194");
        }
    }

    /** Null is no value; outside the profiles that refuse it, the key counts as absent. */
    @Test
    void nullForAKeyIsKeptAsSentAndTreatedAsAbsentByLenient() {
        ObjectNode body = start();
        body.with("params").putNull("media.id").putNull("analytics.visitorId");

        String id = assertSessionStart(post(Api.SESSIONS, body), ADOBE,
                new Broken("/params/media.id", "null-value", "must be a string, not null"),
                new Broken("/params/analytics.visitorId", "null-value", "must be a string, not null"));

        if (id != null) {
            assertThat(summary(id)).doesNotContainKey("mediaId");
            assertThat(detail(id).jsonPath().getMap("start.body.params")).containsEntry("media.id", null);
        }
    }

    /** Adobe's own event-page sample carries {@code customMetadata: {}} on a ping. */
    @Test
    void customMetadataOnAnOrdinaryEventIsAFindingOutsideStrict() {
        ObjectNode ping = Api.event("ping", 10, 1_764_147_601_000L);
        ping.putObject("customMetadata");
        ping.putObject("params");
        ping.putObject("qoeData");

        assertEvent(ping, STRICT, new Broken("/customMetadata", "unknown-key", "is not a known key"));
    }

    /** Adobe's schema forbids unknown qoeData keys; ours forbids unknown top-level keys of events too. */
    @Test
    void unknownKeysAreRefusedWhereAdobeRefusesThem() {
        ObjectNode play = Api.event("play", 0, 1_764_147_601_000L);
        play.putObject("qoeData").put("bitrate", 3_500_000);
        assertEvent(play, ADOBE, new Broken("/qoeData/bitrate", "unknown-key",
                "is not a known key (did you mean \"media.qoe.bitrate\"?)"));

        ObjectNode ping = Api.event("ping", 0, 1_764_147_601_000L);
        ping.put("sessionId", "abc");
        assertEvent(ping, STRICT, new Broken("/sessionId", "unknown-key", "is not a known key"));
    }

    /** A value the model cannot hold is left out of it: kept as sent, never a failure. */
    @Test
    void aValueOfAnotherTypeIsKeptWithoutFailingTheRequest() {
        ObjectNode error = Api.event("error", 0, 1_764_147_601_000L);
        error.putObject("qoeData").put("media.qoe.errorSource", "cdn").put("media.qoe.framesPerSecond", 2_147_483_648L);
        assertEvent(error, STRICT,
                new Broken("/qoeData/media.qoe.errorSource", "enum", "must be one of \"player\", \"external\""),
                new Broken("/qoeData/media.qoe.framesPerSecond", "integer-size", "must fit in a 32-bit signed integer"));

        ObjectNode body = start();
        body.with("params").put("visitor.aamLocationHint", "9").put("media.length", "60");
        body.put("customMetadata", "none");
        assertSessionStart(post(Api.SESSIONS, body), ADOBE,
                new Broken("/params/visitor.aamLocationHint", "type", "must be an integer"),
                new Broken("/params/media.length", "type", "must be a number"),
                new Broken("/customMetadata", "type", "must be an object"));
    }

    @Test
    void aTsWithAFractionIsKeptByLenientAsItsWholeMilliseconds() throws IOException {
        String session = Api.openSession();
        String body = "{\"playerTime\":{\"playhead\":1,\"ts\":1764147601000.75},\"eventType\":\"play\"}";

        Response answer = Api.send(session, body);

        if (refuses(ADOBE)) {
            assertViolations(answer, new Broken("/playerTime/ts", "integer", "must be an integer"));
        } else {
            answer.then().statusCode(204);
            JsonNode event = Spec.JSON.readTree(given().when().get(Api.eventsPath(session)).asString())
                    .at("/items/0");
            assertThat(event.path("ts").longValue()).isEqualTo(1_764_147_601_000L);
            assertThat(event.at("/body/playerTime/ts").doubleValue()).isEqualTo(1_764_147_601_000.75);
            assertThat(eventFindings(session, 1)).containsExactly(
                    new Broken("/playerTime/ts", "integer", "must be an integer"));
        }
    }

    @Test
    void paramsAreNeededWhereAdobeStatesRequiredKeys() {
        ObjectNode adStart = Api.event("adStart", 0, 1_764_147_601_000L);
        adStart.with("params").remove("media.ad.playerName");
        assertEvent(adStart, ADOBE, new Broken("/params/media.ad.playerName", "required", "is required"));

        ObjectNode stateStart = Api.event("stateStart", 0, 1_764_147_601_000L);
        stateStart.remove("params");
        assertEvent(stateStart, STRICT, new Broken("/params", "required", "is required"));
    }

    // --- downloaded sessions ---------------------------------------------------------------------------------------

    /** Adobe's SDKs' own tests post a fractional frame rate; a real player sends integers. */
    @Test
    void aFractionalQoeValueInABatchIsKeptOnlyByLenient() {
        ArrayNode batch = Spec.arrayExample("DownloadedSession");
        ((ObjectNode) batch.get(1)).putObject("qoeData").put("media.qoe.framesPerSecond", 23.5);

        assertSessionStart(post(Api.DOWNLOADED, batch), ADOBE,
                new Broken("/1/qoeData/media.qoe.framesPerSecond", "integer", "must be an integer"));
    }

    @Test
    void aBatchOutOfOrderIsKeptOutsideStrict() {
        ArrayNode batch = Spec.arrayExample("DownloadedSession");
        batch.add(Api.event("ping", 61, 1_509_045_385_600L));

        String id = assertSessionStart(post(Api.DOWNLOADED, batch), STRICT, new Broken("/" + (batch.size() - 1),
                "downloaded-session-order", "comes after the sessionEnd at /" + (batch.size() - 2)
                        + "; nothing may follow sessionEnd"));

        if (id != null) {
            assertThat(summary(id)).containsEntry("state", "closed").containsEntry("closeCause", "sessionEnd")
                    .containsEntry("eventCount", batch.size() - 1);
        }
    }

    @Test
    void anArrayToSessionsWithoutTheDownloadedFlagIsKeptOnlyByLenient() {
        ArrayNode batch = Spec.arrayExample("DownloadedSession");

        assertSessionStart(post(Api.SESSIONS, batch), ADOBE, new Broken("/0/params/media.downloaded",
                "downloaded-flag-matches-shape",
                "is required: an array sent here is a downloaded session, marked \"media.downloaded\": true"));
    }

    // --- refused whatever the profile ------------------------------------------------------------------------------

    @Test
    void whatCannotBeKeptIsRefusedByEveryProfile() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"playerTime\":").when().post(Api.SESSIONS),
                400, "/problems/malformed-json");
        assertViolations(post(Api.SESSIONS, "\"sessionStart\""),
                new Broken("", "type", "must be an object or an array"));
        assertViolations(post(Api.SESSIONS, Spec.JSON.createArrayNode()),
                new Broken("", "min-items", "must have at least 1 element"));

        ObjectNode noParams = start();
        noParams.remove("params");
        assertViolations(post(Api.SESSIONS, noParams), new Broken("/params", "required", "is required"));

        ObjectNode paramsNotAnObject = start();
        paramsNotAnObject.put("params", "none");
        assertViolations(post(Api.SESSIONS, paramsNotAnObject), new Broken("/params", "type", "must be an object"));

        ObjectNode playheadNotANumber = start();
        playheadNotANumber.with("playerTime").put("playhead", "0");
        assertViolations(post(Api.SESSIONS, playheadNotANumber),
                new Broken("/playerTime/playhead", "type", "must be a number"));

        ObjectNode noTs = start();
        noTs.with("playerTime").remove("ts");
        assertViolations(post(Api.SESSIONS, noTs), new Broken("/playerTime/ts", "required", "is required"));

        // A ts beyond 64 bits cannot be kept, with a fraction (which lenient would otherwise keep) or without.
        String session = Api.openSession();
        for (String ts : List.of("-1e400", "1e999999999", "18446744073709551616.5", "18446744073709551616")) {
            Broken tooLarge = new Broken("/playerTime/ts", "integer-size", "must fit in a 64-bit signed integer");
            Response answer = Api.send(session, "{\"playerTime\":{\"playhead\":1,\"ts\":" + ts
                    + "},\"eventType\":\"play\"}");
            if (ts.matches("-?\\d+")) {
                assertViolations(answer, tooLarge);
            } else {
                assertViolations(answer, new Broken("/playerTime/ts", "integer", "must be an integer"), tooLarge);
            }
        }

        assertViolations(Api.send(session, Api.event("seekStart", 0, 1_764_147_601_000L)),
                new Broken("/eventType", "event-type", eventTypeDetail()));
        assertViolations(Api.send(session, Api.event("sessionStart", 0, 1_764_147_601_000L)),
                new Broken("/eventType", "event-type", eventTypeDetail()));

        ObjectNode large = start();
        large.with("customMetadata").put("padding", "x".repeat(70_000));
        assertProblem(post(Api.SESSIONS, large), 413, "/problems/payload-too-large");
    }

    /** The 400 lists every rule broken, those the profile would have kept included, each with its rule. */
    @Test
    void aRefusalListsEveryRuleBrokenWithItsRule() {
        ObjectNode body = start();
        body.with("playerTime").put("playhead", "zero");
        body.with("params").put("media.length", -1).put("media.lenght", 60);

        assertViolations(post(Api.SESSIONS, body),
                new Broken("/playerTime/playhead", "type", "must be a number"),
                new Broken("/params/media.length", "minimum", "must be at least 0"),
                new Broken("/params/media.lenght", "unknown-key",
                        "is not a known key (did you mean \"media.length\"?)"));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    static ObjectNode start() {
        ObjectNode body = Spec.example("SessionStartSample");
        body.with("params").put("media.id", "video-3194");
        return body;
    }

    private static String eventTypeDetail() {
        return "must be one of " + String.join(", ", Spec.document()
                .at("/components/schemas/MediaEvent/discriminator/mapping").properties().stream()
                .map(entry -> "\"" + entry.getKey() + "\"").toList());
    }

    static Response post(String path, Object body) {
        return given().filter(Spec.respondsPerSpec()).contentType(ContentType.JSON).body(body.toString())
                .when().post(path);
    }

    /**
     * The answer to a sessionStart (or batch) that breaks these rules, the first of them refused from
     * {@code refusedBy} on: a 400 listing them all, or the session opened with them as its findings (a batch's
     * element by element, each pointer into its element). The session id when it was opened.
     */
    private String assertSessionStart(Response answer, ValidationProfile refusedBy, Broken... broken) {
        if (refuses(refusedBy)) {
            if (broken[0].rule().equals("content-type")) {
                assertProblem(answer, 400, "/problems/unsupported-media-type");
                assertThat(answer.jsonPath().getString("detail")).isEqualTo(broken[0].detail());
            } else {
                assertViolations(answer, broken);
            }
            return null;
        }
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
        String id = Api.idOf(answer.header("Location"));
        List<Broken> kept = new ArrayList<>(startFindings(id));
        List<Map<String, Object>> events = events(id);
        for (Map<String, Object> event : events) {
            ((List<Map<?, ?>>) event.get("findings")).forEach(finding -> kept.add(new Broken(
                    "/" + event.get("sequence") + finding.get("pointer"), (String) finding.get("rule"),
                    (String) finding.get("message"))));
        }
        List<Broken> expected = List.of(broken);
        if (!events.isEmpty()) {
            // A batch: the sessionStart's own findings point into element 0.
            kept.replaceAll(finding -> finding.pointer() == null || finding.pointer().matches("/\\d+(/.*)?")
                    ? finding : new Broken("/0" + finding.pointer(), finding.rule(), finding.detail()));
        }
        assertThat(kept).containsExactlyInAnyOrderElementsOf(expected);
        return id;
    }

    /** The answer to an event that breaks these rules in a fresh session: a 400, or 204 and its findings. */
    private void assertEvent(ObjectNode event, ValidationProfile refusedBy, Broken... broken) {
        String session = Api.openSession();
        Response answer = Api.send(session, event);
        if (refuses(refusedBy)) {
            assertViolations(answer, broken);
        } else {
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(204);
            assertThat(eventFindings(session, 1)).containsExactly(broken);
        }
    }

    static void assertViolations(Response answer, Broken... broken) {
        assertProblem(answer, 400, "/problems/schema-violation");
        assertThat(answer.jsonPath().getList("errors", Map.class)).extracting(error -> Broken.of(error, "detail"))
                .containsExactlyInAnyOrder(broken);
    }

    static Response detail(String id) {
        return given().when().get(Api.SESSIONS + "/" + id).then().statusCode(200).extract().response();
    }

    static List<Broken> startFindings(String id) {
        return detail(id).jsonPath().getList("start.findings", Map.class).stream()
                .map(finding -> Broken.of(finding, "message")).toList();
    }

    static List<Map<String, Object>> events(String id) {
        return given().queryParam("limit", 500).when().get(Api.eventsPath(id)).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static List<Broken> eventFindings(String id, long sequence) {
        Map<String, Object> event = events(id).stream()
                .filter(item -> ((Number) item.get("sequence")).longValue() == sequence).findFirst().orElseThrow();
        return ((List<Map<?, ?>>) event.get("findings")).stream().map(finding -> Broken.of(finding, "message"))
                .toList();
    }

    static Map<String, Object> summary(String id) {
        List<Map<String, Object>> items = given().queryParam("limit", 500).when().get(Api.SESSIONS)
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> id.equals(item.get("id"))).findFirst().orElseThrow();
    }
}
