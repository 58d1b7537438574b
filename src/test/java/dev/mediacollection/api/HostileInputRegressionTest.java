package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.RawHttp;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The bugs {@code HostileInputIT} found, one request each. */
@QuarkusTest
class HostileInputRegressionTest {

    private static RawHttp.Answer raw(String request) throws IOException {
        return RawHttp.exchange(RestAssured.port, request.getBytes(StandardCharsets.UTF_8), 30_000);
    }

    private static void assertRawProblem(RawHttp.Answer answer, String type) throws IOException {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = Spec.JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).isNotBlank();
        ApiAssertions.CORS_HEADERS.forEach((name, value) -> assertThat(answer.header(name)).isEqualTo(value));
    }

    /** Ill-formed UTF-8 that Jackson decodes without complaint: overlong forms and bytes beyond U+10FFFF. */
    @ParameterizedTest
    @ValueSource(strings = { "C0AF", "E080AF", "F5808080", "F8", "EDA080" })
    void illFormedUtf8IsRefusedNotStored(String hex) {
        byte[] sample = Spec.example("SessionStartSample").toString().getBytes(StandardCharsets.UTF_8);
        String text = new String(sample, StandardCharsets.UTF_8);
        int at = text.indexOf("ClickMe");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(sample, 0, at);
        for (int i = 0; i < hex.length(); i += 2) {
            body.write(Integer.parseInt(hex.substring(i, i + 2), 16));
        }
        body.write(sample, at, sample.length - at);

        Response response = given().filter(Spec.respondsPerSpec()).contentType(ContentType.JSON)
                .body(body.toByteArray()).when().post(Api.SESSIONS);

        assertProblem(response, 400, "/problems/malformed-json");
        assertThat(response.header("Location")).isNull();
    }

    @Test
    void aTargetWithoutItsLeadingSlashIsAProblem() throws IOException {
        RawHttp.Answer answer = raw("GET api/v1/sessions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Spec.JSON.readTree(answer.body()).path("status").asInt()).isEqualTo(404);
    }

    /** Vert.x refuses it; Quarkus used to answer with its own error JSON and log an ERROR for each. */
    @Test
    void aRequestWithoutHostIsAProblem() throws IOException {
        RawHttp.Answer answer = raw("POST " + Api.SESSIONS + " HTTP/1.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(Spec.JSON.readTree(answer.body()).path("status").asInt()).isEqualTo(400);
        ApiAssertions.CORS_HEADERS.forEach((name, value) -> assertThat(answer.header(name)).isEqualTo(value));
    }

    @Test
    void aHugeArrayOfWrongTypesListsTheFirstHundredViolations() {
        StringBuilder batch = new StringBuilder("[0");
        batch.append(",0".repeat(99_999)).append(']');

        // No spec filter here: it would validate the 100,000 elements itself, for minutes.
        Response response = given().contentType(ContentType.JSON).body(batch.toString()).when().post(Api.DOWNLOADED);

        assertProblem(response, 400, "/problems/schema-violation");
        assertThat(response.jsonPath().getString("detail"))
                .isEqualTo("The request body has 100000 errors; the first 100 are listed.");
        assertThat(response.jsonPath().getList("errors")).hasSize(100);
        assertThat(response.jsonPath().getString("errors[99].pointer")).isEqualTo("/99");
    }

    @Test
    void aRefusedBatchIsKeptForTheInspectorOnlyUpToTheSingleBodyLimit() {
        String pad = "x".repeat(900_000);
        given().contentType(ContentType.JSON).body("[{\"pad\":\"" + pad + "\"}]")
                .when().post(Api.DOWNLOADED).then().statusCode(400);

        String kept = given().queryParam("limit", 1).when().get("/api/v1/rejections")
                .then().statusCode(200).extract().jsonPath().getString("items[0].body");

        assertThat(kept).hasSize(64 * 1024).startsWith("[{\"pad\":\"xxx");
    }
}
