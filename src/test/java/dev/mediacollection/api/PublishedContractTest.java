package dev.mediacollection.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/** The document served at /q/openapi and shown in Swagger UI is the repository's openapi/openapi.yaml. */
@QuarkusTest
class PublishedContractTest {

    @Test
    void yamlIsTheRepositorysSpec() throws Exception {
        Response response = given().get("/q/openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertSameContract(new ObjectMapper(new YAMLFactory()).readTree(response.asString()));
    }

    @Test
    void jsonIsTheRepositorysSpec() throws Exception {
        Response response = given().queryParam("format", "json").get("/q/openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertSameContract(Spec.JSON.readTree(response.asString()));
    }

    @Test
    void jsonIsWhatAClientAcceptingOnlyJsonGets() throws Exception {
        Response response = given().accept("application/json").get("/q/openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertSameContract(Spec.JSON.readTree(response.asString()));
    }

    @Test
    void swaggerUiShowsIt() {
        Response response = given().get("/q/swagger-ui/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asString()).contains("/q/openapi");
    }

    @Test
    void rootSendsBrowsersToTheDocs() {
        Response response = given().config(RestAssuredConfig.config()
                .redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .get("/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("/q/swagger-ui/");
    }

    /** Everything the file says is served, and nothing scanned from annotations is added. */
    private static void assertSameContract(JsonNode served) {
        JsonNode file = Spec.document();
        assertThat(served.get("info")).isEqualTo(file.get("info"));
        assertThat(served.get("paths")).isEqualTo(file.get("paths"));
        assertThat(served.get("components")).isEqualTo(file.get("components"));
        assertThat(served.get("tags")).isEqualTo(file.get("tags"));
    }
}
