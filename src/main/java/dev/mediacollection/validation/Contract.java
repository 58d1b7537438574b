package dev.mediacollection.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The request rules of the OpenAPI document, compiled once. The document is the single source of truth: the
 * generated interfaces, the published spec and these checks all come from the same file.
 */
public final class Contract {

    private final Map<String, BodySchema> requestBodies;
    private final Map<String, QuerySchema> queries;
    private final Set<String> secured;
    private final Map<String, JsonNode> eventSchemas;

    private Contract(Map<String, BodySchema> requestBodies, Map<String, QuerySchema> queries, Set<String> secured,
            Map<String, JsonNode> eventSchemas) {
        this.requestBodies = requestBodies;
        this.queries = queries;
        this.secured = secured;
        this.eventSchemas = eventSchemas;
    }

    public static Contract load(InputStream openApiYaml) {
        try {
            return of(new ObjectMapper(new YAMLFactory()).readTree(openApiYaml));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI document", e);
        }
    }

    /** The rules of the OpenAPI document, already read (the service reads its JSON form: docs/performance.md). */
    public static Contract of(JsonNode document) {
        SchemaCompiler compiler = new SchemaCompiler(document);
        Map<String, BodySchema> bodies = new HashMap<>();
        Map<String, QuerySchema> queries = new HashMap<>();
        Set<String> secured = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!operation.getValue().has("operationId")) {
                    continue;
                }
                String operationId = operation.getValue().path("operationId").asText();
                String location = "#/paths/" + path.getKey().replace("/", "~1") + "/" + operation.getKey();
                Map<String, CompiledSchema> query = new LinkedHashMap<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    JsonNode resolved = parameter.has("$ref") ? document.at(parameter.get("$ref").asText().substring(1))
                            : parameter;
                    if ("query".equals(resolved.path("in").asText())) {
                        query.put(resolved.path("name").asText(), compiler.compile(resolved.path("schema"),
                                location + "/parameters/" + resolved.path("name").asText()));
                    }
                }
                if (!query.isEmpty()) {
                    queries.put(operationId, new QuerySchema(query));
                }
                if (!operation.getValue().path("security").isEmpty()) {
                    secured.add(operationId);
                }
                JsonNode json = operation.getValue().path("requestBody").path("content").path("application/json");
                if (json.has("schema")) {
                    // What the media type's x-refused-by says holds for the body as a whole: its rules, its shape.
                    Refusals refusals = Refusals.of(json, Refusals.STRICT_ONLY, location);
                    List<BiConsumer<JsonNode, ValidationReport>> rules = new ArrayList<>();
                    json.path("x-body-rules").forEach(name -> rules.add(BodyRules.named(name.asText(), refusals,
                            location)));
                    CompiledSchema body = compiler.compile(json.get("schema"), location);
                    if (json.has("x-also-accepts")) {
                        // A form the operation takes beyond its schema (the deprecated batch of createSession).
                        body = compiler.eitherByType(body, compiler.compile(json.get("x-also-accepts"), location),
                                refusals, location);
                    }
                    bodies.put(operationId, new BodySchema(body, rules));
                }
            }
        }
        return new Contract(Map.copyOf(bodies), Map.copyOf(queries), Set.copyOf(secured),
                Map.copyOf(new Draft04Export(document).eventSchemas()));
    }

    /** The JSON request body rules of an operation, if it takes a JSON body. */
    public Optional<BodySchema> requestBody(String operationId) {
        return Optional.ofNullable(requestBodies.get(operationId));
    }

    /** The query parameter rules of an operation, if it declares query parameters. */
    public Optional<QuerySchema> queryParameters(String operationId) {
        return Optional.ofNullable(queries.get(operationId));
    }

    /** Whether the contract declares a security requirement for the operation. */
    public boolean isSecured(String operationId) {
        return secured.contains(operationId);
    }

    /** The JSON Schema (draft-04) of an event type's request body, if there is such an event type. */
    public Optional<JsonNode> eventSchema(String eventType) {
        return Optional.ofNullable(eventSchemas.get(eventType)).map(JsonNode::deepCopy);
    }

    /** The compiled rules for an operation's query parameters. */
    public static final class QuerySchema {

        private final Map<String, CompiledSchema> parameters;

        private QuerySchema(Map<String, CompiledSchema> parameters) {
            this.parameters = parameters;
        }

        /** Checks every parameter given; an undeclared one, or one given twice, is a violation too. */
        public ValidationReport validate(Map<String, List<String>> given) {
            ValidationReport report = new ValidationReport();
            given.forEach((name, values) -> {
                CompiledSchema schema = parameters.get(name);
                if (schema == null) {
                    String suggestion = KeySuggestions.closest(name, parameters.keySet());
                    report.parameterViolation(name, Rule.UNKNOWN_PARAMETER, suggestion == null
                            ? "is not a known parameter"
                            : "is not a known parameter (did you mean \"" + suggestion + "\"?)");
                } else if (values.size() != 1) {
                    report.parameterViolation(name, Rule.REPEATED_PARAMETER, "must be given once");
                } else {
                    ValidationReport single = new ValidationReport();
                    schema.check(typed(schema, values.get(0)), JsonPath.ROOT, single);
                    single.violations().forEach(violation -> report.parameterViolation(name, violation.rule(),
                            violation.detail()));
                }
            });
            return report;
        }

        /** Query values are text; a value that reads as the schema's type is checked as that type. */
        private static JsonNode typed(CompiledSchema schema, String value) {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            try {
                if (schema.type == CompiledSchema.Type.INTEGER) {
                    return nodes.numberNode(new java.math.BigInteger(value));
                }
                if (schema.type == CompiledSchema.Type.NUMBER) {
                    return nodes.numberNode(new java.math.BigDecimal(value));
                }
            } catch (NumberFormatException notANumber) {
                return nodes.textNode(value);
            }
            if (schema.type == CompiledSchema.Type.BOOLEAN && (value.equals("true") || value.equals("false"))) {
                return nodes.booleanNode(Boolean.parseBoolean(value));
            }
            return nodes.textNode(value);
        }
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
        public ValidationReport validate(JsonNode body) {
            ValidationReport report = new ValidationReport();
            schema.check(body, JsonPath.ROOT, report);
            rules.forEach(rule -> rule.accept(body, report));
            return report;
        }
    }
}
