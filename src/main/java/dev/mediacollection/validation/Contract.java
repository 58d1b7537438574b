package dev.mediacollection.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The request rules of the OpenAPI document, compiled once. The document is the single source of truth: the
 * generated interfaces, the published spec and these checks all come from the same file.
 */
public final class Contract {

    private final Map<String, BodySchema> requestBodies;

    private Contract(Map<String, BodySchema> requestBodies) {
        this.requestBodies = requestBodies;
    }

    public static Contract load(InputStream openApiYaml) {
        try {
            return of(new ObjectMapper(new YAMLFactory()).readTree(openApiYaml));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI document", e);
        }
    }

    static Contract of(JsonNode document) {
        SchemaCompiler compiler = new SchemaCompiler(document);
        Map<String, BodySchema> bodies = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                JsonNode schema = operation.getValue().path("requestBody").path("content")
                        .path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    String operationId = operation.getValue().path("operationId").asText();
                    String location = "#/paths/" + path.getKey().replace("/", "~1") + "/" + operation.getKey();
                    bodies.put(operationId, new BodySchema(compiler.compile(schema, location)));
                }
            }
        }
        return new Contract(Map.copyOf(bodies));
    }

    /** The JSON request body rules of an operation, if it takes a JSON body. */
    public Optional<BodySchema> requestBody(String operationId) {
        return Optional.ofNullable(requestBodies.get(operationId));
    }

    /** The compiled rules for one request body. */
    public static final class BodySchema {

        private final CompiledSchema schema;

        private BodySchema(CompiledSchema schema) {
            this.schema = schema;
        }

        /** Checks the whole body and reports every violation, not only the first. */
        public ValidationReport validate(JsonNode body, UnknownKeyPolicy unknownKeys) {
            ValidationReport report = new ValidationReport(unknownKeys);
            schema.check(body, JsonPath.ROOT, report);
            return report;
        }
    }
}
