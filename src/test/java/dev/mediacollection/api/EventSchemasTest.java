package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertApiHeaders;
import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** {@code GET /api/v1/schemas/{eventType}}: Adobe's published JSON Schemas, derived from this service's contract. */
@QuarkusTest
class EventSchemasTest {

    static java.util.stream.Stream<String> eventTypes() {
        return Spec.eventSchemas().keySet().stream();
    }

    static Response schemaOf(String eventType) {
        return given().filter(Spec.conforming()).when().get("/api/v1/schemas/" + eventType);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventTypeHasADraft04Schema(String eventType) {
        Response response = schemaOf(eventType);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertApiHeaders(response);
        JsonPath schema = response.jsonPath();
        assertThat(schema.getString("$schema")).isEqualTo("http://json-schema.org/draft-04/schema#");
        assertThat(schema.getString("id")).isEqualTo("/api/v1/schemas/" + eventType);
        assertThat(schema.getString("type")).isEqualTo("object");
        assertThat(schema.getList("required")).contains("playerTime", "eventType");
        assertThat(schema.getBoolean("additionalProperties")).isFalse();
        assertThat(response.asString()).as("only draft-04 keywords")
                .doesNotContain("\"components\"", "\"x-", "\"discriminator\"", "\"example\"", "\"nullable\"");
    }

    @Test
    void sessionStartStatesItsEightRequiredParams() {
        JsonPath schema = schemaOf("sessionStart").jsonPath();

        assertThat(schema.getList("required")).containsExactly("playerTime", "eventType", "params");
        assertThat(schema.getList("definitions.SessionStartParams.required")).containsExactlyInAnyOrder(
                "analytics.trackingServer", "analytics.reportSuite", "visitor.marketingCloudOrgId", "media.id",
                "media.length", "media.contentType", "media.playerName", "media.channel");
        assertThat(schema.getMap("definitions.CustomMetadata.patternProperties"))
                .containsOnlyKeys("^[a-zA-Z0-9_.]+$");
        assertThat(schema.getBoolean("definitions.CustomMetadata.additionalProperties")).isFalse();
    }

    @Test
    void adStartStatesItsRequiredParams() {
        JsonPath schema = schemaOf("adStart").jsonPath();

        assertThat(schema.getList("definitions.AdStartParams.required")).containsExactlyInAnyOrder(
                "media.ad.id", "media.ad.length", "media.ad.podPosition", "media.ad.playerName");
        assertThat(schema.getMap("properties")).containsKey("customMetadata");
    }

    @Test
    void pingTakesNoCustomMetadata() {
        assertThat(schemaOf("ping").jsonPath().getMap("properties")).doesNotContainKey("customMetadata");
    }

    @ParameterizedTest
    @ValueSource(strings = { "SessionStartSample", "Play", "Ping", "AdBreakStart", "AdStart", "ChapterStart",
            "Error", "StatesUpdate", "SessionEnd" })
    void theSpecsExamplesFollowTheServedSchemas(String example) {
        String body = Spec.example(example).toString();
        String eventType = Spec.example(example).get("eventType").asText();

        assertThat(validate(schemaOf(eventType).asString(), body)).isEmpty();
    }

    @Test
    void theServedSchemaRefusesWhatTheServerRefuses() {
        String schema = schemaOf("adStart").asString();
        ObjectNode body = Api.event("adStart", 0, 1);

        assertThat(validate(schema, body.toString())).isEmpty();
        assertThat(validate(schema, body.put("unexpected", true).toString())).singleElement().asString()
                .contains("unexpected");
    }

    @ParameterizedTest
    @ValueSource(strings = { "seekStart", "SessionStart", "contentComplete", "" + "bufferComplete" })
    void anUnknownEventTypeIs404(String eventType) {
        Response response = given().filter(Spec.respondsPerSpec()).when().get("/api/v1/schemas/" + eventType);

        assertProblem(response, 404, "/problems/unknown-event-type");
        assertThat(response.jsonPath().getString("detail")).contains(eventType);
    }

    /** Validation messages of an independent JSON Schema draft-04 validator. */
    static List<String> validate(String schema, String body) {
        Schema compiled = SchemaRegistry.withDefaultDialect(Dialects.getDraft4()).getSchema(schema, InputFormat.JSON);
        return compiled.validate(body, InputFormat.JSON).stream().map(com.networknt.schema.Error::getMessage).toList();
    }
}
