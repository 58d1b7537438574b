package dev.mediacollection.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The contract, as tests see it: the OpenAPI file in the repository, its examples, and validators built from it. */
public final class Spec {

    public static final Path FILE = Path.of("openapi", "openapi.yaml");
    public static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonNode DOCUMENT = read();

    // Each validator is built on first use: building one parses the whole contract again, every @QuarkusTest profile
    // loads this class anew, and most profiles use one of the two validators or none.
    private static final class Conforming {
        static final OpenApiValidationFilter FILTER = new OpenApiValidationFilter(
                OpenApiInteractionValidator.createForSpecificationUrl(FILE.toString()).build());
    }

    private static final class RespondsPerSpec {
        static final OpenApiValidationFilter FILTER = new OpenApiValidationFilter(
                OpenApiInteractionValidator.createForSpecificationUrl(FILE.toString())
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                .build())
                        .build());
    }

    private Spec() {
    }

    public static JsonNode document() {
        return DOCUMENT;
    }

    /** A fresh, mutable copy of a named object example from {@code components/examples}. */
    public static ObjectNode example(String name) {
        return (ObjectNode) exampleValue(name);
    }

    /** A fresh, mutable copy of a named array example from {@code components/examples}. */
    public static ArrayNode arrayExample(String name) {
        return (ArrayNode) exampleValue(name);
    }

    private static JsonNode exampleValue(String name) {
        JsonNode value = DOCUMENT.at("/components/examples/" + name + "/value");
        if (value.isMissingNode()) {
            throw new IllegalArgumentException("No example " + name + " in " + FILE);
        }
        return value.deepCopy();
    }

    /** Each event type and the name of its schema, from the discriminator of {@code DownloadedEvent}. */
    public static Map<String, String> eventSchemas() {
        Map<String, String> schemas = new LinkedHashMap<>();
        DOCUMENT.at("/components/schemas/DownloadedEvent/discriminator/mapping").fields().forEachRemaining(
                entry -> schemas.put(entry.getKey(), entry.getValue().asText().replace("#/components/schemas/", "")));
        return schemas;
    }

    /** Checks that request and response both conform to the spec. */
    public static OpenApiValidationFilter conforming() {
        return Conforming.FILTER;
    }

    /** Checks only the response: for tests that send a request the spec forbids on purpose. */
    public static OpenApiValidationFilter respondsPerSpec() {
        return RespondsPerSpec.FILTER;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
