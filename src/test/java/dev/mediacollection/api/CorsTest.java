package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertApiHeaders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Browser players on any origin: preflights succeed and every answer under /api/v1 carries Adobe's CORS headers. */
@QuarkusTest
class CorsTest {

    static final String SOME_SESSION = "bfcca2ca597a3c71bc03b4ce357833ad02b3570d262ecd0c595fcf8f2ae4df58";

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/sessions", "/api/v1/sessions/" + SOME_SESSION + "/events" })
    void browserPreflightIsGranted(String path) {
        Response response = given().filter(Spec.conforming())
                .header("Origin", "https://player.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options(path);

        assertThat(response.statusCode()).isBetween(200, 299);
        assertApiHeaders(response);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://player.example.com", "null", "http://localhost:3000" })
    void anyOriginGetsTheSameFixedHeaders(String origin) {
        Response response = given().header("Origin", origin)
                .contentType(ContentType.JSON).body(Spec.example("SessionStartSample").toString())
                .when().post("/api/v1/sessions");

        assertThat(response.statusCode()).isEqualTo(201);
        assertApiHeaders(response);
        assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 404, 405, 413 })
    void errorAnswersCarryTheHeadersToo(int status) {
        Response response = switch (status) {
            case 400 -> given().contentType(ContentType.JSON).body("{").post("/api/v1/sessions");
            case 404 -> given().get("/api/v1/no-such-thing");
            case 405 -> given().delete("/api/v1/sessions");
            default -> given().contentType(ContentType.JSON).body("x".repeat(70_000))
                    .post("/api/v1/sessions/" + SOME_SESSION + "/events");
        };

        assertThat(response.statusCode()).isEqualTo(status);
        assertApiHeaders(response);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/openapi", "/q/swagger-ui/" })
    void pathsOutsideTheApiAreLeftAlone(String path) {
        assertThat(given().get(path).header("Access-Control-Allow-Origin")).isNull();
    }
}
