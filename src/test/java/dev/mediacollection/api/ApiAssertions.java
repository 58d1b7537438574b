package dev.mediacollection.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.restassured.response.Response;

/** What every answer of the API must look like. */
final class ApiAssertions {

    static final Map<String, String> CORS_HEADERS = Map.of(
            "Access-Control-Allow-Origin", "*",
            "Access-Control-Allow-Methods", "OPTIONS,POST,PUT",
            "Access-Control-Allow-Headers", "Content-Type",
            "Access-Control-Expose-Headers", "Location");

    private ApiAssertions() {
    }

    /** Adobe's four CORS headers, each exactly once (a duplicate makes browsers reject the response). */
    static void assertApiHeaders(Response response) {
        CORS_HEADERS.forEach((name, value) -> assertThat(response.headers().getValues(name))
                .as("header %s", name)
                .containsExactly(value));
    }

    /** An RFC 9457 problem of the given status and type, carrying the API headers and no internals. */
    static void assertProblem(Response response, int status, String type) {
        assertThat(response.statusCode()).as("status of %s", response.asString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo(type);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("title")).isNotBlank();
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
        assertThat(response.asString())
                .doesNotContain("Exception", "java.", "jakarta.", "com.fasterxml", "io.quarkus", "dev.mediacollection",
                        "\tat ", "`");
        assertApiHeaders(response);
    }
}
