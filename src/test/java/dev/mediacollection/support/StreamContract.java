package dev.mediacollection.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * The stream's contract, openapi/asyncapi.yaml, as tests see it: records are judged by an independent JSON Schema
 * validator against its {@code SessionRecord} schema, the {@code $ref}s into openapi.yaml resolved from the file
 * beside it, as any AsyncAPI tool resolves them.
 */
public final class StreamContract {

    public static final Path FILE = Path.of("openapi", "asyncapi.yaml");

    private static final JsonNode DOCUMENT = read();
    private static final Schema RECORD = schema("SessionRecord");
    private static final Schema KEY = schema("SessionId");

    private StreamContract() {
    }

    public static JsonNode document() {
        return DOCUMENT;
    }

    /** Every way the record breaks the contract; empty when it conforms. */
    public static List<String> violations(String record) {
        return messages(RECORD, record);
    }

    /** Every way a record's key breaks the contract. */
    public static List<String> keyViolations(String key) {
        return messages(KEY, Spec.JSON.getNodeFactory().textNode(key).toString());
    }

    /** The names of the properties a record schema defines, its {@code allOf} parts' included. */
    public static List<String> propertiesOf(String schemaName) {
        JsonNode schema = DOCUMENT.at("/components/schemas/" + schemaName);
        List<String> names = new java.util.ArrayList<>();
        collectProperties(schema, names);
        return names;
    }

    private static void collectProperties(JsonNode schema, List<String> names) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = ref.startsWith("openapi.yaml#")
                    ? Spec.document().at(ref.substring("openapi.yaml#".length()))
                    : DOCUMENT.at(ref.substring(1));
            collectProperties(target, names);
        }
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        schema.path("allOf").forEach(part -> collectProperties(part, names));
    }

    private static List<String> messages(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(com.networknt.schema.Error::getMessage).toList();
    }

    /**
     * AsyncAPI's default schema format is a superset of JSON Schema draft 7. The validator reads the two files from
     * disk (and nothing from the network), as {@code $ref}s name them.
     */
    private static Schema schema(String name) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft7(), builder -> builder
                .schemaLoader(loader -> loader.fetchRemoteResources()
                        .allow(iri -> iri.toString().startsWith("file:"))));
        return registry.getSchema(SchemaLocation.of(FILE.toAbsolutePath().toUri() + "#/components/schemas/" + name));
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
