package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertApiHeaders;
import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static dev.mediacollection.api.CreateSessionTest.assertViolations;
import static dev.mediacollection.support.Api.event;
import static dev.mediacollection.support.Api.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import dev.mediacollection.support.ValidationProfiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * {@code POST /api/v1/sessions/{sessionId}/events}, statement by statement, under the strict profile, where every rule
 * refuses (ValidationProfileCases: what the other profiles keep instead).
 */
@QuarkusTest
@TestProfile(ValidationProfiles.Strict.class)
class TrackEventTest {

    static final long TS = 1_509_045_325_153L;

    String session;

    @BeforeEach
    void openSession() {
        session = Api.openSession();
    }

    static Stream<String> eventTypes() {
        return Spec.eventSchemas().keySet().stream().filter(type -> !type.equals("sessionStart"));
    }

    // --- every event type ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventTypeIsTracked(String eventType) {
        Response response = given().filter(Spec.conforming())
                .contentType(ContentType.JSON).body(event(eventType, 1.5, TS).toString())
                .when().post(Api.eventsPath(session));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body().asByteArray()).isEmpty();
        assertApiHeaders(response);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Play", "Ping", "AdBreakStart", "AdStart", "ChapterStart", "Error", "StatesUpdate",
            "SessionEnd" })
    void theSpecsExamplesAreAccepted(String example) {
        given().filter(Spec.conforming())
                .contentType(ContentType.JSON).body(Spec.example(example).toString())
                .when().post(Api.eventsPath(session))
                .then().statusCode(204);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void eventsArriveOutOfTsOrder(String eventType) {
        send(session, event("ping", 20, TS + 20_000)).then().statusCode(204);
        send(session, event(eventType, 10, TS + 10_000)).then().statusCode(204);
    }

    // --- params of each event -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "adBreakStart", "adStart", "chapterStart", "stateStart", "stateEnd", "statesUpdate" })
    void eventsWithRequiredParamsNeedParams(String eventType) {
        ObjectNode body = event(eventType, 0, TS);
        body.remove("params");

        assertViolations(send(session, body), "/params", "is required");
    }

    @Test
    void adBreakStartNeedsAnIntegerIndexAndANumericSecond() {
        ObjectNode body = event("adBreakStart", 300, TS);
        body.with("params").put("media.ad.podIndex", 1.5).put("media.ad.podSecond", "300");

        assertViolations(send(session, body),
                "/params/media.ad.podIndex", "must be an integer",
                "/params/media.ad.podSecond", "must be a number");
    }

    @Test
    void adStartNeedsIdLengthPositionAndPlayerName() {
        ObjectNode body = event("adStart", 0, TS);
        body.putObject("params").put("media.ad.name", "Autumn sale");

        assertViolations(send(session, body),
                "/params/media.ad.id", "is required",
                "/params/media.ad.length", "is required",
                "/params/media.ad.podPosition", "is required",
                "/params/media.ad.playerName", "is required");
    }

    @Test
    void adStartTakesStandardAdMetadata() {
        ObjectNode body = event("adStart", 0, TS);
        body.with("params").put("media.ad.creativeId", "c-1").put("media.ad.siteId", "s-1")
                .put("media.ad.creativeURL", "https://ads.example.com/c-1").put("media.ad.placementId", "p-1")
                .put("media.ad.podFriendlyName", "pre-roll");

        send(session, body).then().statusCode(204);
    }

    @Test
    void chapterStartNeedsIndexOffsetAndLength() {
        ObjectNode body = event("chapterStart", 0, TS);
        body.putObject("params").put("media.chapter.friendlyName", "Opening").put("media.chapter.index", "1");

        assertViolations(send(session, body),
                "/params/media.chapter.index", "must be an integer",
                "/params/media.chapter.offset", "is required",
                "/params/media.chapter.length", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "stateStart", "stateEnd" })
    void stateEventsNeedAStateName(String eventType) {
        ObjectNode body = event(eventType, 0, TS);
        body.putObject("params");

        assertViolations(send(session, body), "/params/media.state.name", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "full screen", "", "ümlaut" })
    void stateNamesAreLettersDigitsUnderscoresAndDots(String name) {
        ObjectNode body = event("stateStart", 0, TS);
        body.with("params").put("media.state.name", name);

        assertViolations(send(session, body), "/params/media.state.name", "must match ^[a-zA-Z0-9_.]{1,64}$");
    }

    @Test
    void statesUpdateNeedsAtLeastOneList() {
        ObjectNode body = event("statesUpdate", 0, TS);
        body.putObject("params");

        assertViolations(send(session, body), "/params", "must have at least 1 key");
    }

    @Test
    void statesUpdateChecksEveryState() {
        ObjectNode body = event("statesUpdate", 0, TS);
        body.with("params").withArray("statesStart").addObject().put("name", "mute");

        assertViolations(send(session, body),
                "/params/statesStart/1/media.state.name", "is required",
                "/params/statesStart/1/name", "is not a known key (did you mean \"media.state.name\"?)");
    }

    @Test
    void errorDetailsMayComeInParamsAsAdobesDocsShow() {
        ObjectNode body = event("error", 12, TS);
        body.putObject("params").put("media.errorId", "MEDIA_ERR_DECODE").put("media.errorSource", "external");

        send(session, body).then().statusCode(204);
    }

    @Test
    void errorSourceIsPlayerOrExternal() {
        ObjectNode body = event("error", 12, TS);
        body.putObject("params").put("media.errorSource", "network");

        assertViolations(send(session, body),
                "/params/media.errorSource", "must be one of \"player\", \"external\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "play", "ping", "adComplete", "sessionEnd" })
    void eventsWithoutParamsTakeAnEmptyObject(String eventType) {
        ObjectNode body = event(eventType, 0, TS);
        body.putObject("params");

        send(session, body).then().statusCode(204);
    }

    @Test
    void eventsWithoutParamsRefuseParams() {
        ObjectNode body = event("ping", 0, TS);
        body.putObject("params").put("media.id", "video-3194");

        assertViolations(send(session, body), "/params/media.id", "is not a known key");
    }

    @ParameterizedTest
    @ValueSource(strings = { "adStart", "chapterStart" })
    void customMetadataIsAcceptedOnAdAndChapterStart(String eventType) {
        ObjectNode body = event(eventType, 0, TS);
        body.putObject("customMetadata").put("campaign", "autumn");

        send(session, body).then().statusCode(204);
    }

    @ParameterizedTest
    @ValueSource(strings = { "play", "ping", "adBreakStart", "sessionEnd" })
    void customMetadataIsRefusedElsewhere(String eventType) {
        ObjectNode body = event(eventType, 0, TS);
        body.putObject("customMetadata").put("campaign", "autumn");

        assertViolations(send(session, body), "/customMetadata", "is not a known key");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void qoeDataIsAcceptedOnEveryEvent(String eventType) {
        ObjectNode body = event(eventType, 0, TS);
        body.putObject("qoeData").put("media.qoe.bitrate", 2_000_000).put("media.qoe.droppedFrames", 3)
                .put("media.qoe.framesPerSecond", 25).put("media.qoe.timeToStart", 800)
                .put("media.qoe.errorID", "E42").put("media.qoe.errorSource", "player");

        send(session, body).then().statusCode(204);
    }

    @Test
    void emptyQoeDataIsFine() {
        ObjectNode body = event("bitrateChange", 0, TS);
        body.putObject("qoeData");

        send(session, body).then().statusCode(204);
    }

    // --- the envelope ---------------------------------------------------------------------------------------------

    @Test
    void anUnknownEventTypeIsRefusedWithTheKnownOnes() {
        Response response = send(session, event("seekStart", 0, TS));

        assertProblem(response, 400, "/problems/schema-violation");
        assertThat(response.jsonPath().getString("errors[0].pointer")).isEqualTo("/eventType");
        assertThat(response.jsonPath().getString("errors[0].detail"))
                .startsWith("must be one of \"play\", \"ping\"")
                .contains("\"sessionEnd\"")
                .doesNotContain("sessionStart");
    }

    @Test
    void sessionStartIsNotAnEvent() {
        Response response = send(session, Spec.example("SessionStartSample"));

        assertProblem(response, 400, "/problems/schema-violation");
        assertThat(response.jsonPath().getString("errors[0].pointer")).isEqualTo("/eventType");
    }

    @Test
    void eventTypeAndPlayerTimeAreRequired() {
        assertViolations(send(session, "{\"eventType\":\"play\"}"), "/playerTime", "is required");
        assertViolations(send(session, "{\"playerTime\":{\"playhead\":0,\"ts\":1}}"), "/eventType", "is required");
    }

    @Test
    void everyViolationOfAnEventIsReportedAtOnce() {
        ObjectNode body = event("adStart", -1, TS);
        body.with("playerTime").put("ts", "now");
        body.with("params").remove("media.ad.id");
        body.with("params").put("media.ad.lenght", 15);
        body.put("extra", 1);

        assertViolations(send(session, body),
                "/playerTime/playhead", "must be at least 0",
                "/playerTime/ts", "must be an integer",
                "/params/media.ad.id", "is required",
                "/params/media.ad.lenght", "is not a known key (did you mean \"media.ad.length\"?)",
                "/extra", "is not a known key");
    }

    @Test
    void malformedJsonIsA400() {
        assertProblem(send(session, "{\"eventType\": \"play\",}"), 400, "/problems/malformed-json");
    }

    // --- which session --------------------------------------------------------------------------------------------

    @Test
    void anUnknownSessionIs404() {
        String unknown = "bfcca2ca597a3c71bc03b4ce357833ad02b3570d262ecd0c595fcf8f2ae4df58";

        Response response = send(unknown, event("ping", 0, TS));

        assertProblem(response, 404, "/problems/unknown-session");
        assertThat(response.jsonPath().getString("detail")).contains(unknown);
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "BFCCA2CA597A3C71BC03B4CE357833AD02B3570D262ECD0C595FCF8F2AE4DF58",
            "bfcca2ca597a3c71bc03b4ce357833ad02b3570d262ecd0c595fcf8f2ae4df58aa", "..%2F..%2Fetc" })
    void anIdThisServiceNeverHandsOutIs404(String id) {
        assertProblem(send(id, event("ping", 0, TS)), 404, "/problems/unknown-session");
    }

    @Test
    void sessionEndClosesTheSession() {
        send(session, event("sessionEnd", 30, TS)).then().statusCode(204);

        Response refused = send(session, event("ping", 30, TS + 1));

        assertProblem(refused, 410, "/problems/session-closed");
        assertThat(refused.jsonPath().getString("detail")).contains("sessionEnd");
    }

    @Test
    void sessionCompleteLeavesTheSessionOpen() {
        send(session, event("sessionComplete", 60, TS)).then().statusCode(204);

        send(session, event("ping", 60, TS + 10_000)).then().statusCode(204);
        send(session, event("sessionEnd", 60, TS + 10_001)).then().statusCode(204);
    }

    @Test
    void aBadBodyForAnUnknownSessionIsA400() {
        // The body is judged before the session is looked up: nothing about sessions leaks to a bad request.
        assertProblem(send("0".repeat(64), "{}"), 400, "/problems/schema-violation");
    }
}
