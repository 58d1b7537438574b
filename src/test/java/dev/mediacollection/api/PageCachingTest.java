package dev.mediacollection.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The pages the service serves (the inspector and the API reference) may be kept by a browser, but are checked
 * with the service before each use: after an upgrade the new page shows at once, and an unchanged one costs a 304.
 */
@QuarkusTest
class PageCachingTest {

    @ParameterizedTest
    @ValueSource(strings = {"/inspector/", "/inspector/inspector.js", "/inspector/inspector.css",
        "/inspector/timeline-chart.js", "/inspector/reports.js", "/inspector/charts.css", "/api-reference/"})
    void isRevalidatedOnEveryUse(String page) {
        Response response = given().get(page);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.header("Last-Modified")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/inspector/", "/inspector/inspector.js", "/api-reference/"})
    void anUnchangedPageIsNotSentAgain(String page) {
        String lastModified = given().get(page).header("Last-Modified");

        Response revalidated = given().header("If-Modified-Since", lastModified).get(page);

        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.asByteArray()).isEmpty();
        assertThat(revalidated.header("Cache-Control")).isEqualTo("no-cache");
    }
}
