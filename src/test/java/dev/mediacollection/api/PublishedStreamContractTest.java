package dev.mediacollection.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.mediacollection.support.Spec;
import dev.mediacollection.support.StreamContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The stream's contract is published beside the API's: /asyncapi.yaml is the repository's openapi/asyncapi.yaml,
 * its references into openapi.yaml resolve on the service itself (/openapi.yaml), and the API reference links it.
 */
@QuarkusTest
class PublishedStreamContractTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void asyncApiYamlIsTheRepositorysDocument() throws Exception {
        Response response = given().get("/asyncapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(YAML.readTree(response.asString())).isEqualTo(StreamContract.document());
    }

    @Test
    void itsReferencesIntoTheApiContractResolveOnTheServiceItself() throws Exception {
        JsonNode served = YAML.readTree(given().get("/openapi.yaml").then().statusCode(200).extract().asString());
        assertThat(served).isEqualTo(Spec.document());

        List<String> references = new ArrayList<>();
        collectReferences(StreamContract.document(), references);
        assertThat(references).contains("openapi.yaml#/components/schemas/Metrics",
                "openapi.yaml#/components/schemas/CloseCauseName");
        for (String reference : references) {
            assertThat(served.at(reference.substring("openapi.yaml#".length())).isMissingNode())
                    .as(reference).isFalse();
        }
    }

    @Test
    void theApiReferenceLinksIt() {
        assertThat(given().get("/api-reference/").then().statusCode(200).extract().asString())
                .contains("href=\"/asyncapi.yaml\"");
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.asText().startsWith("openapi.yaml#")) {
            references.add(ref.asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }
}
