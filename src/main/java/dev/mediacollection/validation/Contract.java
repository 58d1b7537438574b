package dev.mediacollection.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The request rules of the OpenAPI document, compiled once. The document is the single source of truth: the
 * generated interfaces, the published spec and these checks all come from the same file.
 */
public final class Contract {

    private final Map<String, BodySchema> requestBodies;
    private final Map<String, JsonNode> eventSchemas;

    private Contract(Map<String, BodySchema> requestBodies, Map<String, JsonNode> eventSchemas) {
        this.requestBodies = requestBodies;
        this.eventSchemas = eventSchemas;
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
                JsonNode json = operation.getValue().path("requestBody").path("content").path("application/json");
                if (json.has("schema")) {
                    String operationId = operation.getValue().path("operationId").asText();
                    String location = "#/paths/" + path.getKey().replace("/", "~1") + "/" + operation.getKey();
                    List<BiConsumer<JsonNode, ValidationReport>> rules = new ArrayList<>();
                    json.path("x-body-rules").forEach(name -> rules.add(BodyRules.named(name.asText(), location)));
                    bodies.put(operationId, new BodySchema(compiler.compile(json.get("schema"), location), rules));
                }
            }
        }
        return new Contract(Map.copyOf(bodies), Map.copyOf(new Draft04Export(document).eventSchemas()));
    }

    /** The JSON request body rules of an operation, if it takes a JSON body. */
    public Optional<BodySchema> requestBody(String operationId) {
        return Optional.ofNullable(requestBodies.get(operationId));
    }

    /** The JSON Schema (draft-04) of an event type's request body, if there is such an event type. */
    public Optional<JsonNode> eventSchema(String eventType) {
        return Optional.ofNullable(eventSchemas.get(eventType)).map(JsonNode::deepCopy);
    }

    /** The compiled rules for one request body. */
    public static final class BodySchema {

        private final CompiledSchema schema;
        private final List<BiConsumer<JsonNode, ValidationReport>> rules;

        private BodySchema(CompiledSchema schema, List<BiConsumer<JsonNode, ValidationReport>> rules) {
            this.schema = schema;
            this.rules = List.copyOf(rules);
        }

        /** Whether the body may be a JSON array (a batch). */
        public boolean acceptsArrays() {
            return schema.type == CompiledSchema.Type.ARRAY
                    || schema.typeVariants != null && schema.typeVariants.containsKey(CompiledSchema.Type.ARRAY);
        }

        /** Checks the whole body and reports every violation, not only the first. */
        public ValidationReport validate(JsonNode body, UnknownKeyPolicy unknownKeys) {
            ValidationReport report = new ValidationReport(unknownKeys);
            schema.check(body, JsonPath.ROOT, report);
            rules.forEach(rule -> rule.accept(body, report));
            return report;
        }
    }
}
