package dev.mediacollection.bench.floor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * The floor answers the collection operations as the contract says the service does, so that bench/run compares
 * the service with an application that does the same job: every answer is checked against
 * {@code openapi/openapi.yaml} (status, headers, problem documents), and the benchmark's own requests are
 * accepted.
 */
@QuarkusTest
class FloorContractTest {

    private static final Path CONTRACT = Path.of("../../openapi/openapi.yaml");
    private static final Path WORKLOADS = Path.of("../workload");
    private static final String SESSIONS = "/api/v1/sessions";
    private static final String EVENTS = SESSIONS + "/" + "ab".repeat(32) + "/events";
    private static final JsonNode DOCUMENT = readContract();

    /** Checks that request and response conform to the contract. */
    private static final OpenApiValidationFilter CONFORMING = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT.toString()).build());
    /** Checks only the response: for requests the contract refuses on purpose. */
    private static final OpenApiValidationFilter RESPONDS_PER_CONTRACT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT.toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                    .build());

    @Test
    void theContractsSessionStartOpensASessionAtARelativeLocation() {
        withCors(given().filter(CONFORMING).contentType(ContentType.JSON).body(example("SessionStartSample").toString())
                .when().post(SESSIONS)
                .then().statusCode(201)
                .header("Location", matchesPattern("/api/v1/sessions/[0-9a-f]{64}"))
                .header("Content-Type", startsWith("application/octet-stream"))
                .body(emptyString()));
    }

    @Test
    void everySessionGetsItsOwnId() {
        String first = given().contentType(ContentType.JSON).body(example("SessionStartSample").toString())
                .post(SESSIONS).header("Location");
        String second = given().contentType(ContentType.JSON).body(example("SessionStartSample").toString())
                .post(SESSIONS).header("Location");

        assertThat(first).isNotEqualTo(second);
    }

    @ParameterizedTest
    @MethodSource("trackEventExamples")
    void everyEventExampleOfTheContractIsTracked(String example) {
        withCors(given().filter(CONFORMING).contentType(ContentType.JSON).body(example(example).toString())
                .when().post(EVENTS)
                .then().statusCode(204)
                .body(emptyString()));
    }

    @ParameterizedTest
    @MethodSource("workloadBodies")
    void everyRequestOfTheBenchmarkIsAccepted(String endpoint, String body) {
        int status = given().filter(CONFORMING).contentType(ContentType.JSON).body(body)
                .when().post(endpoint.equals("events") ? EVENTS : SESSIONS)
                .statusCode();

        assertThat(status).isEqualTo(endpoint.equals("events") ? 204 : 201);
    }

    @Test
    void aDownloadedSessionOpensASession() {
        withCors(given().filter(CONFORMING).contentType(ContentType.JSON).body(example("DownloadedSession").toString())
                .when().post("/api/v1/downloaded")
                .then().statusCode(201)
                .header("Location", matchesPattern("/api/v1/sessions/[0-9a-f]{64}")));
    }

    @Test
    void aSessionStartWithoutARequiredParamIsRefusedNamingIt() {
        ObjectNode start = (ObjectNode) example("SessionStartSample");
        ((ObjectNode) start.get("params")).remove("media.channel");

        refused(given().filter(RESPONDS_PER_CONTRACT).contentType(ContentType.JSON).body(start.toString())
                .when().post(SESSIONS))
                .body("type", equalTo("/problems/schema-violation"))
                .body("errors[0].pointer", equalTo("/params/media.channel"));
    }

    @Test
    void anEventWithoutItsTimestampIsRefusedNamingIt() {
        ObjectNode ping = (ObjectNode) example("Ping");
        ((ObjectNode) ping.get("playerTime")).remove("ts");

        refused(given().filter(RESPONDS_PER_CONTRACT).contentType(ContentType.JSON).body(ping.toString())
                .when().post(EVENTS))
                .body("type", equalTo("/problems/schema-violation"))
                .body("errors[0].pointer", equalTo("/playerTime/ts"));
    }

    @Test
    void aDownloadedSessionThatDoesNotStartWithSessionStartIsRefused() {
        refused(given().filter(RESPONDS_PER_CONTRACT).contentType(ContentType.JSON)
                .body("[" + example("Ping") + "]")
                .when().post("/api/v1/downloaded"))
                .body("errors[0].pointer", equalTo("/0/eventType"));
    }

    @Test
    void anUnknownEventTypeIsRefused() {
        ObjectNode seek = (ObjectNode) example("Ping");
        seek.put("eventType", "seekStart");

        refused(given().filter(RESPONDS_PER_CONTRACT).contentType(ContentType.JSON).body(seek.toString())
                .when().post(EVENTS));
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        refused(given().filter(RESPONDS_PER_CONTRACT).contentType(ContentType.JSON).body("{\"playerTime\":")
                .when().post(SESSIONS))
                .body("type", equalTo("/problems/malformed-json"));
    }

    static Stream<String> trackEventExamples() {
        List<String> names = new ArrayList<>();
        DOCUMENT.at("/paths/~1api~1v1~1sessions~1{sessionId}~1events/post/requestBody/content/application~1json/examples")
                .forEach(example -> names.add(example.get("$ref").asText().replace("#/components/examples/", "")));
        assertThat(names).isNotEmpty();
        return names.stream();
    }

    /** Each line of each workload file: endpoint and body (session-start.json is the contract's example). */
    static Stream<Arguments> workloadBodies() throws IOException {
        List<Arguments> requests = new ArrayList<>();
        try (Stream<Path> files = Files.list(WORKLOADS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.strip().split("\\s+");
                    if (fields.length == 3 && !fields[0].startsWith("#")) {
                        String body = fields[2].equals("session-start.json") ? example("SessionStartSample").toString()
                                : Files.readString(WORKLOADS.resolve("bodies").resolve(fields[2]));
                        requests.add(Arguments.of(fields[1], body));
                    }
                }
            }
        }
        assertThat(requests).isNotEmpty();
        return requests.stream();
    }

    private static ValidatableResponse withCors(ValidatableResponse response) {
        return response.header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "OPTIONS,POST,PUT")
                .header("Access-Control-Allow-Headers", "Content-Type")
                .header("Access-Control-Expose-Headers", "Location");
    }

    private static ValidatableResponse refused(Response response) {
        return withCors(response.then().statusCode(400).contentType("application/problem+json"));
    }

    private static JsonNode example(String name) {
        JsonNode value = DOCUMENT.at("/components/examples/" + name + "/value");
        assertThat(value.isMissingNode()).as("example " + name).isFalse();
        return value.deepCopy();
    }

    private static JsonNode readContract() {
        try {
            return new YAMLMapper().readTree(CONTRACT.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
