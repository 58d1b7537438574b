package dev.mediacollection.validation;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the contract's schema of each event type as a self-contained JSON Schema draft-04 document, the form in
 * which Adobe publishes them: the event's schema at the root, the schemas it refers to under {@code definitions}.
 */
final class Draft04Export {

    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    private static final Set<String> OPENAPI_ONLY = Set.of("example", "examples", "discriminator", "nullable",
            "deprecated", "readOnly", "writeOnly", "xml", "externalDocs");

    private final JsonNode schemas;

    Draft04Export(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
    }

    /** Every event type named by an {@code eventType} discriminator, with its schema as a draft-04 document. */
    Map<String, JsonNode> eventSchemas() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        schemas.forEach(schema -> {
            JsonNode discriminator = schema.path("discriminator");
            if ("eventType".equals(discriminator.path("propertyName").asText())) {
                discriminator.path("mapping").fields().forEachRemaining(entry -> documents.computeIfAbsent(
                        entry.getKey(), type -> document(type, name(entry.getValue().asText()))));
            }
        });
        return documents;
    }

    private ObjectNode document(String eventType, String schemaName) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("$schema", "http://json-schema.org/draft-04/schema#");
        document.put("id", "/api/v1/schemas/" + eventType);
        Map<String, JsonNode> definitions = new LinkedHashMap<>();
        document.setAll((ObjectNode) convert(schemas.get(schemaName), definitions));
        definitions.remove(schemaName);
        if (!definitions.isEmpty()) {
            document.putObject("definitions").setAll(definitions);
        }
        return document;
    }

    /** One schema in draft-04 terms; every schema it refers to is converted into {@code definitions}. */
    private JsonNode convert(JsonNode schema, Map<String, JsonNode> definitions) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode converted = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            if (keyword.equals("$ref")) {
                String name = name(value.asText());
                if (!definitions.containsKey(name)) {
                    definitions.put(name, JsonNodeFactory.instance.objectNode());
                    definitions.put(name, convert(schemas.get(name), definitions));
                }
                converted.put("$ref", "#/definitions/" + name);
            } else if (keyword.equals("x-propertyNames")) {
                // JSON Schema draft-04 says "keys match P, values follow S" as patternProperties.
                converted.putObject("patternProperties").set(value.get("pattern").asText(),
                        convert(schema.get("additionalProperties"), definitions));
                converted.put("additionalProperties", false);
            } else if (keyword.equals("additionalProperties") && schema.has("x-propertyNames")) {
                continue;
            } else if (keyword.equals("properties")) {
                ObjectNode properties = converted.putObject("properties");
                value.fields().forEachRemaining(property -> properties.set(property.getKey(),
                        convert(property.getValue(), definitions)));
            } else if (keyword.equals("items") || keyword.equals("additionalProperties")) {
                converted.set(keyword, convert(value, definitions));
            } else if (keyword.equals("oneOf")) {
                value.forEach(member -> converted.withArray("oneOf").add(convert(member, definitions)));
            } else if (!OPENAPI_ONLY.contains(keyword) && !keyword.startsWith("x-")) {
                converted.set(keyword, value);
            }
        }
        return converted;
    }

    private static String name(String ref) {
        if (!ref.startsWith(SCHEMA_REF_PREFIX)) {
            throw new IllegalStateException("Unsupported $ref " + ref);
        }
        return ref.substring(SCHEMA_REF_PREFIX.length());
    }
}
