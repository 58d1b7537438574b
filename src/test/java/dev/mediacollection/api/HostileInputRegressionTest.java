package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The bugs {@code HostileInputIT} found, one request each. */
@QuarkusTest
class HostileInputRegressionTest {

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

    /** A media range is not a media type: only application/json says what the body is. */
    @ParameterizedTest
    @ValueSource(strings = { "*/*", "application/*" })
    void aWildcardContentTypeIsRefused(String contentType) {
        Response response = given().filter(Spec.respondsPerSpec())
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(Spec.example("SessionStartSample").toString())
                .when().post(Api.SESSIONS);

        assertProblem(response, 400, "/problems/unsupported-media-type");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/sessions/%ZZ/events", "/api/v1/sessions/%", "/api/v1/sessions?state=%ZZ",
            "/api/v1/schemas/%G0" })
    void anUndecodablePercentEncodingIsAProblem(String target) {
        Response response = given().urlEncodingEnabled(false).when().get(target);

        assertProblem(response, 400, "/problems/invalid-uri");
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
