package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertApiHeaders;
import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Spec;
import dev.mediacollection.support.ValidationProfiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * {@code POST /api/v1/sessions}, statement by statement as the contract and Adobe's reference page give them, under the
 * strict profile, where every rule refuses (ValidationProfileCases: what the other profiles keep instead).
 */
@QuarkusTest
@TestProfile(ValidationProfiles.Strict.class)
class CreateSessionTest {

    static final String SESSIONS = "/api/v1/sessions";
    static final String LOCATION_PATTERN = "^/api/v1/sessions/[0-9a-f]{64}$";

    static ObjectNode seedSample() {
        return Spec.example("SessionStartSample");
    }

    static Response post(Object body) {
        return given().filter(Spec.respondsPerSpec())
                .contentType(ContentType.JSON).body(body.toString())
                .when().post(SESSIONS);
    }

    // --- success ---------------------------------------------------------------------------------------------

    @Test
    void seedSampleOpensSessionWithAdobesExactAnswer() {
        Response response = given().filter(Spec.conforming())
                .contentType(ContentType.JSON).body(seedSample().toString())
                .when().post(SESSIONS);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 201 Created");
        assertThat(response.body().asByteArray()).isEmpty();
        assertThat(response.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(response.header("Content-Length")).isEqualTo("0");
        assertThat(response.header("Location")).matches(LOCATION_PATTERN);
        assertApiHeaders(response);
    }

    @Test
    void headersComeInAdobesOrder() {
        List<String> names = post(seedSample()).headers().asList().stream()
                .map(io.restassured.http.Header::getName)
                .filter(name -> !List.of("Server", "Date", "Via", "Age").contains(name))
                .toList();

        assertThat(names).containsExactly("Content-Type", "Content-Length", "Location",
                "Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
                "Access-Control-Expose-Headers");
    }

    @Test
    void everySessionGetsItsOwnId() {
        Set<String> locations = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            locations.add(post(seedSample()).then().statusCode(201).extract().header("Location"));
        }
        assertThat(locations).hasSize(200).allMatch(location -> location.matches(LOCATION_PATTERN));
    }

    @Test
    void requiredKeysAloneAreEnough() {
        ObjectNode body = seedSample();
        body.remove(List.of("customMetadata", "qoeData"));
        ObjectNode params = (ObjectNode) body.get("params");
        params.retain(requiredParams());

        post(body).then().statusCode(201);
    }

    @Test
    void everyDocumentedParamIsAccepted() {
        ObjectNode body = seedSample();
        ObjectNode params = body.putObject("params");
        Spec.document().at("/components/schemas/SessionStartParams/properties").fields()
                .forEachRemaining(property -> params.set(property.getKey(), sampleValue(property.getValue())));

        assertThat(params.properties()).extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrder(
                // Adobe's core session keys, and those its own SDKs send
                "analytics.trackingServer", "analytics.reportSuite", "analytics.enableSSL", "analytics.visitorId",
                "analytics.aid", "analytics.optOutServerSideForwarding", "analytics.optOutShare",
                "visitor.marketingCloudOrgId", "visitor.marketingCloudUserId", "visitor.aamLocationHint",
                "visitor.customerIDs", "appInstallationId", "media.id", "media.name", "media.length",
                "media.contentType", "media.streamType", "media.playerName", "media.channel", "media.resume",
                "media.downloaded", "media.sdkVersion", "media.libraryVersion",
                // standard video metadata
                "media.streamFormat", "media.show", "media.season", "media.episode", "media.assetId", "media.genre",
                "media.firstAirDate", "media.firstDigitalDate", "media.rating", "media.originator", "media.network",
                "media.showType", "media.adLoad", "media.pass.mvpd", "media.pass.auth", "media.dayPart", "media.feed",
                // standard audio metadata
                "media.artist", "media.album", "media.label", "media.author", "media.station", "media.publisher");
        given().filter(Spec.conforming()).contentType(ContentType.JSON).body(body.toString())
                .when().post(SESSIONS).then().statusCode(201);
    }

    @Test
    void playheadMayBeFractionalAndTsAnyMillisecondTime() {
        ObjectNode body = seedSample();
        body.with("playerTime").put("playhead", 12.345).put("ts", 4_102_444_800_000L);

        post(body).then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
            "application/json; charset=iso-8859-1" })
    void anyCharsetOfJsonIsAccepted(String contentType) {
        given().contentType(contentType).body(seedSample().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post(SESSIONS).then().statusCode(201);
    }

    @Test
    void unicodeMetadataIsAccepted() {
        ObjectNode body = seedSample();
        body.with("customMetadata").put("title", "мểŧẳđαţả ✓");

        post(body).then().statusCode(201);
    }

    // --- malformed requests ----------------------------------------------------------------------------------

    @Test
    void malformedJsonSaysWhere() {
        Response response = given().contentType(ContentType.JSON).body("{\n  \"playerTime\": {\"playhead\": 0,}\n}")
                .when().post(SESSIONS);

        assertProblem(response, 400, "/problems/malformed-json");
        assertThat(response.jsonPath().getString("detail")).contains("line 2, column 32");
    }

    @Test
    void truncatedJsonIsMalformed() {
        String truncated = seedSample().toString().substring(0, 100);

        assertProblem(given().contentType(ContentType.JSON).body(truncated).when().post(SESSIONS),
                400, "/problems/malformed-json");
    }

    @Test
    void emptyBodyIsRefused() {
        Response response = given().contentType(ContentType.JSON).body("").when().post(SESSIONS);

        assertProblem(response, 400, "/problems/malformed-json");
        assertThat(response.jsonPath().getString("detail")).contains("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"sessionStart\"", "42", "true", "null" })
    void bodyMustBeAnObjectOrADownloadedSession(String body) {
        assertViolations(post(body), "", "must be an object or an array");
    }

    @Test
    void missingContentTypeIsA400NotA415() throws Exception {
        // REST Assured always sends a Content-Type; the JDK client sends none unless told.
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + SESSIONS))
                        .POST(HttpRequest.BodyPublishers.ofString(seedSample().toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Spec.JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/unsupported-media-type");
        assertThat(problem.path("detail").asText()).contains("missing");
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/xml", "text/json" })
    void nonJsonContentTypeIsA400NotA415(String contentType) {
        Response response = given().filter(Spec.respondsPerSpec())
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs(contentType, ContentType.TEXT)
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType)
                .body(seedSample().toString()).when().post(SESSIONS);

        assertProblem(response, 400, "/problems/unsupported-media-type");
        assertThat(response.jsonPath().getString("detail")).contains(contentType);
    }

    @Test
    void duplicateKeysAreRefused() {
        String body = seedSample().toString().replaceFirst("\\{", "{\"eventType\":\"sessionStart\",");

        assertProblem(post(body), 400, "/problems/malformed-json");
    }

    // --- schema violations ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "playerTime", "eventType", "params" })
    void topLevelKeyIsRequired(String key) {
        ObjectNode body = seedSample();
        body.remove(key);

        assertViolations(post(body), "/" + key, "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "playhead", "ts" })
    void playerTimeKeyIsRequired(String key) {
        ObjectNode body = seedSample();
        body.with("playerTime").remove(key);

        assertViolations(post(body), "/playerTime/" + key, "is required");
    }

    @ParameterizedTest
    @MethodSource("requiredParams")
    void requiredParamIsRequired(String key) {
        ObjectNode body = seedSample();
        body.with("params").remove(key);

        assertViolations(post(body), "/params/" + key, "is required");
    }

    static List<String> requiredParams() {
        List<String> required = Spec.JSON.convertValue(
                Spec.document().at("/components/schemas/SessionStartParams/required"), List.class);
        assertThat(required).containsExactlyInAnyOrder("analytics.trackingServer", "analytics.reportSuite",
                "visitor.marketingCloudOrgId", "media.id", "media.length", "media.contentType", "media.playerName",
                "media.channel");
        return required;
    }

    @Test
    void playheadMustBeANumber() {
        ObjectNode body = seedSample();
        body.with("playerTime").put("playhead", "0");

        assertViolations(post(body), "/playerTime/playhead", "must be a number");
    }

    @Test
    void tsMustBeAnInteger() {
        ObjectNode body = seedSample();
        body.with("playerTime").put("ts", 1509045324153.5);

        assertViolations(post(body), "/playerTime/ts", "must be an integer");
    }

    @Test
    void mediaLengthMustBeANumber() {
        ObjectNode body = seedSample();
        body.with("params").put("media.length", "60");

        assertViolations(post(body), "/params/media.length", "must be a number");
    }

    @Test
    void customMetadataValuesMustBeStrings() {
        ObjectNode body = seedSample();
        body.with("customMetadata").putObject("nested").put("a", "b");
        body.with("customMetadata").put("count", 3);

        assertViolations(post(body), "/customMetadata/nested", "must be a string",
                "/customMetadata/count", "must be a string");
    }

    @Test
    void aamLocationHintMustBeAnInteger() {
        ObjectNode body = seedSample();
        body.with("params").put("visitor.aamLocationHint", "9");

        assertViolations(post(body), "/params/visitor.aamLocationHint", "must be an integer");
    }

    @Test
    void nullIsNotAValue() {
        ObjectNode body = seedSample();
        body.with("params").putNull("media.id");

        assertViolations(post(body), "/params/media.id", "must be a string, not null");
    }

    @Test
    void playheadMustNotBeNegative() {
        ObjectNode body = seedSample();
        body.with("playerTime").put("playhead", -0.5);

        assertViolations(post(body), "/playerTime/playhead", "must be at least 0");
    }

    @Test
    void tsMustNotBeNegative() {
        ObjectNode body = seedSample();
        body.with("playerTime").put("ts", -1);

        assertViolations(post(body), "/playerTime/ts", "must be at least 0");
    }

    @Test
    void tsMustFitInSixtyFourBits() {
        String body = seedSample().toString().replace("1509045324153", "92233720368547758070");

        assertViolations(post(body), "/playerTime/ts", "must fit in a 64-bit signed integer");
    }

    @Test
    void hugeNumbersAreNotInfinity() {
        String body = seedSample().toString().replace("60.39333333333333", "1e400");

        assertViolations(post(body), "/params/media.length", "must be a finite number");
    }

    @ParameterizedTest
    @ValueSource(strings = { "play", "sessionEnd", "SessionStart", "" })
    void onlySessionStartOpensASession(String eventType) {
        ObjectNode body = seedSample();
        body.put("eventType", eventType);

        assertViolations(post(body), "/eventType", "must be \"sessionStart\"");
    }

    @Test
    void unknownTopLevelKeyIsRefused() {
        ObjectNode body = seedSample();
        body.put("sessionId", "abc");

        assertViolations(post(body), "/sessionId", "is not a known key");
    }

    @Test
    void misspelledParamIsNamedWithTheLikelyKey() {
        ObjectNode body = seedSample();
        ObjectNode params = body.with("params");
        params.set("media.lenght", params.remove("media.length"));

        assertViolations(post(body),
                "/params/media.length", "is required",
                "/params/media.lenght", "is not a known key (did you mean \"media.length\"?)");
    }

    @ParameterizedTest
    @ValueSource(strings = { "my key", "ümlaut", "a-b", "a/b", "" })
    void customMetadataKeysFollowThePattern(String key) {
        ObjectNode body = seedSample();
        body.with("customMetadata").put(key, "value");

        assertViolations(post(body), "/customMetadata/" + key.replace("~", "~0").replace("/", "~1"),
                "is not an allowed key: keys must match ^[a-zA-Z0-9_.]+$");
    }

    @Test
    void unknownQoeKeyIsRefused() {
        ObjectNode body = seedSample();
        body.with("qoeData").put("media.qoe.bitRate", 1000);

        assertViolations(post(body),
                "/qoeData/media.qoe.bitRate", "is not a known key (did you mean \"media.qoe.bitrate\"?)");
    }

    @Test
    void mistypedQoeValueIsRefused() {
        ObjectNode body = seedSample();
        body.with("qoeData").put("media.qoe.bitrate", "3500000").put("media.qoe.framesPerSecond", 29.97);

        assertViolations(post(body),
                "/qoeData/media.qoe.bitrate", "must be an integer",
                "/qoeData/media.qoe.framesPerSecond", "must be an integer");
    }

    @Test
    void errorSourceIsPlayerOrExternal() {
        ObjectNode body = seedSample();
        body.with("qoeData").put("media.qoe.errorSource", "network");

        assertViolations(post(body), "/qoeData/media.qoe.errorSource", "must be one of \"player\", \"external\"");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        ObjectNode body = seedSample();
        body.with("playerTime").put("playhead", "zero").put("ts", -5);
        body.put("eventType", "play");
        body.with("params").remove("media.id");
        body.with("params").put("media.length", "60").put("media.lenght", 60);
        body.with("customMetadata").put("bad key", "x").putArray("list");
        body.with("qoeData").put("media.qoe.droppedFrames", "none");
        body.put("extra", true);

        Response response = post(body);

        assertViolations(response,
                "/playerTime/playhead", "must be a number",
                "/playerTime/ts", "must be at least 0",
                "/eventType", "must be \"sessionStart\"",
                "/params/media.id", "is required",
                "/params/media.length", "must be a number",
                "/params/media.lenght", "is not a known key (did you mean \"media.length\"?)",
                "/customMetadata/bad key", "is not an allowed key: keys must match ^[a-zA-Z0-9_.]+$",
                "/customMetadata/list", "must be a string",
                "/qoeData/media.qoe.droppedFrames", "must be an integer",
                "/extra", "is not a known key");
        assertThat(response.jsonPath().getString("detail")).isEqualTo("The request body has 10 errors.");
    }

    // --- limits ------------------------------------------------------------------------------------------------

    @Test
    void bodyOverTheLimitIs413() {
        ObjectNode body = seedSample();
        body.with("customMetadata").put("padding", "x".repeat(70_000));

        Response response = post(body);

        assertProblem(response, 413, "/problems/payload-too-large");
        assertThat(response.jsonPath().getString("detail")).contains("65536 bytes");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        byte[] body = ("{\"padding\":\"" + "x".repeat(70_000) + "\"}").getBytes();

        Response response = given().contentType(ContentType.JSON)
                .body(new java.io.ByteArrayInputStream(body))
                .when().post(SESSIONS);

        assertProblem(response, 413, "/problems/payload-too-large");
    }

    @Test
    void bodyJustUnderTheLimitIsJudgedOnContent() {
        ObjectNode body = seedSample();
        String json = body.toString();
        body.with("customMetadata").put("padding", "x".repeat(65_536 - json.length() - "\"padding\":\"\",".length()));

        assertThat(body.toString()).hasSize(65_536);
        post(body).then().statusCode(201);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** Asserts a 400 schema violation listing exactly these pointer/detail pairs, in any order. */
    static void assertViolations(Response response, String... pointersAndDetails) {
        assertProblem(response, 400, "/problems/schema-violation");
        List<String> expected = Stream.iterate(0, i -> i < pointersAndDetails.length, i -> i + 2)
                .map(i -> pointersAndDetails[i] + " " + pointersAndDetails[i + 1])
                .toList();
        List<String> actual = response.jsonPath().getList("errors", java.util.Map.class).stream()
                .map(error -> error.get("pointer") + " " + error.get("detail"))
                .toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static JsonNode sampleValue(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        return switch (schema.get("type").asText()) {
            case "string" -> Spec.JSON.getNodeFactory().textNode("text");
            case "number" -> Spec.JSON.getNodeFactory().numberNode(12.5);
            case "integer" -> Spec.JSON.getNodeFactory().numberNode(3);
            // false: "media.downloaded": true belongs to downloaded sessions, which come as arrays
            case "boolean" -> Spec.JSON.getNodeFactory().booleanNode(false);
            case "object" -> Spec.JSON.createObjectNode().set("userIdType",
                    Spec.JSON.createObjectNode().put("id", "user-1").put("authState", 1));
            default -> throw new IllegalStateException("No sample for " + schema);
        };
    }
}
