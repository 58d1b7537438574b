package dev.mediacollection.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Everything the inspector page loads is served by the service itself: its own files, and Apache ECharts from the
 * WebJar on the class path, at the versioned path the page names (so a version bump in pom.xml that the page does
 * not follow fails here, not in a browser).
 */
@QuarkusTest
class InspectorAssetsTest {

    static final Pattern ASSET = Pattern.compile("<(?:script|link)[^>]*(?:src|href)=\"([^\"]+)\"");
    /** The version pom.xml depends on (Surefire passes it). */
    static final String ECHARTS = "/webjars/echarts/" + Objects.requireNonNull(System.getProperty("echarts.version"),
            "echarts.version is set by Surefire (pom.xml)") + "/dist/echarts.min.js";

    static List<String> assets() {
        String page = given().get("/inspector/").then().statusCode(200).extract().asString();
        Matcher found = ASSET.matcher(page);
        return found.results().map(match -> match.group(1))
                .map(path -> path.startsWith("/") ? path : "/inspector/" + path).toList();
    }

    @Test
    void everyScriptAndStylesheetThePageNamesIsServedFromThisService() {
        List<String> assets = assets();

        assertThat(assets).contains(ECHARTS, "/inspector/timeline-chart.js", "/inspector/reports.js",
                "/inspector/inspector.js", "/inspector/charts.css");
        assertThat(assets).allSatisfy(path -> assertThat(path).doesNotContain("//"));
        for (String path : assets) {
            Response response = given().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.contentType()).as(path).startsWith(path.endsWith(".css") ? "text/css" : "text/javascript");
            assertThat(response.asByteArray()).as(path).isNotEmpty();
        }
    }

    @Test
    void eChartsIsTheLibraryAndItsVersionedPathMayBeKept() {
        Response response = given().get(ECHARTS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).contains("echarts").contains("getInstanceByDom");
        // A new version comes at a new path: the old one may be kept as long as the browser likes.
        assertThat(response.header("Cache-Control")).contains("immutable");
    }
}
