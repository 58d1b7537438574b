package dev.mediacollection.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns OpenAPI 3.0 schema objects into {@link CompiledSchema}s. A keyword it does not enforce is an error at
 * start-up, not a rule silently skipped.
 */
final class SchemaCompiler {

    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
    private static final Set<String> ANNOTATIONS = Set.of("description", "example", "examples", "title",
            "deprecated", "externalDocs", "xml", "default", Refusals.EXTENSION);

    private final JsonNode document;
    private final Map<String, CompiledSchema> byRef = new HashMap<>();

    SchemaCompiler(JsonNode document) {
        this.document = document;
    }

    CompiledSchema compile(JsonNode schema, String location) {
        return compile(schema, location, Refusals.STRICT_ONLY);
    }

    /**
     * A schema written in place takes what its parent's {@code x-refused-by} says of its properties; one referred
     * to is shared, so it has only its own.
     */
    private CompiledSchema compile(JsonNode schema, String location, Refusals inherits) {
        JsonNode ref = schema.get("$ref");
        if (ref != null) {
            return resolve(ref.asText(), location);
        }
        CompiledSchema compiled = new CompiledSchema();
        fill(compiled, schema, location, inherits);
        return compiled;
    }

    private CompiledSchema resolve(String ref, String location) {
        CompiledSchema known = byRef.get(ref);
        if (known != null) {
            return known;
        }
        if (!ref.startsWith(SCHEMA_REF_PREFIX)) {
            throw unsupported(location, "$ref " + ref + " (only " + SCHEMA_REF_PREFIX + "… is supported)");
        }
        JsonNode target = document.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException("Unresolvable $ref " + ref + " at " + location);
        }
        // Registered before it is filled so that a schema may refer to itself.
        CompiledSchema compiled = new CompiledSchema();
        byRef.put(ref, compiled);
        fill(compiled, target, ref, Refusals.STRICT_ONLY);
        return compiled;
    }

    private void fill(CompiledSchema compiled, JsonNode schema, String location, Refusals inherits) {
        compiled.refusals = Refusals.of(schema, inherits, location);
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            String at = location + "/" + keyword;
            switch (keyword) {
                case "type" -> compiled.type = type(value.asText(), at);
                case "nullable" -> compiled.nullable = value.asBoolean();
                case "format" -> format(compiled, schema, value.asText(), at);
                case "enum" -> {
                    List<JsonNode> values = new ArrayList<>();
                    value.forEach(values::add);
                    compiled.enumValues = List.copyOf(values);
                    compiled.describeEnum();
                }
                case "minimum" -> compiled.minimum = value.asDouble();
                case "maximum" -> compiled.maximum = value.asDouble();
                case "exclusiveMinimum" -> compiled.exclusiveMinimum = value.asBoolean();
                case "exclusiveMaximum" -> compiled.exclusiveMaximum = value.asBoolean();
                case "minLength" -> compiled.minLength = value.asInt();
                case "maxLength" -> compiled.maxLength = value.asInt();
                case "pattern" -> compiled.pattern(value.asText());
                case "properties" -> compiled.properties = properties(value, at, compiled.refusals.forProperties());
                case "required" -> {
                    List<String> names = new ArrayList<>();
                    value.forEach(name -> names.add(name.asText()));
                    compiled.required = List.copyOf(names);
                }
                case "additionalProperties" -> {
                    if (value.isBoolean()) {
                        compiled.additionalAllowed = value.booleanValue();
                    } else {
                        compiled.additionalSchema = compile(value, at);
                    }
                }
                case "x-propertyNames" -> compiled.keyPattern = keyPattern(value, at);
                case "minProperties" -> compiled.minProperties = value.asInt();
                case "maxProperties" -> compiled.maxProperties = value.asInt();
                case "items" -> compiled.items = compile(value, at);
                case "minItems" -> compiled.minItems = value.asInt();
                case "maxItems" -> compiled.maxItems = value.asInt();
                case "oneOf" -> {
                    if (!schema.has("discriminator")) {
                        typeVariants(compiled, value, at);
                    }
                }
                case "discriminator" -> discriminator(compiled, schema, value, at);
                default -> {
                    if (!ANNOTATIONS.contains(keyword)) {
                        throw unsupported(at, "keyword " + keyword);
                    }
                }
            }
        }
    }

    private Map<String, CompiledSchema> properties(JsonNode properties, String location, Refusals inherits) {
        Map<String, CompiledSchema> compiled = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> property = fields.next();
            compiled.put(property.getKey(),
                    compile(property.getValue(), location + "/" + property.getKey(), inherits));
        }
        return Map.copyOf(compiled);
    }

    private static CompiledSchema.Type type(String name, String location) {
        return switch (name) {
            case "object" -> CompiledSchema.Type.OBJECT;
            case "array" -> CompiledSchema.Type.ARRAY;
            case "string" -> CompiledSchema.Type.STRING;
            case "number" -> CompiledSchema.Type.NUMBER;
            case "integer" -> CompiledSchema.Type.INTEGER;
            case "boolean" -> CompiledSchema.Type.BOOLEAN;
            default -> throw unsupported(location, "type " + name);
        };
    }

    /** Formats the checks enforce; any other would be a rule nobody checks. */
    private static void format(CompiledSchema compiled, JsonNode schema, String format, String location) {
        String type = schema.path("type").asText();
        switch (type + "/" + format) {
            case "integer/int32" -> compiled.int32 = true;
            case "string/date-time" -> compiled.dateTime = true;
            case "integer/int64", "number/double", "number/float" -> {
            }
            default -> throw unsupported(location, "format " + format + " on type " + type);
        }
    }

    private static Pattern keyPattern(JsonNode propertyNames, String location) {
        if (propertyNames.size() != 1 || !propertyNames.has("pattern")) {
            throw unsupported(location, "x-propertyNames other than {pattern: …}");
        }
        return Pattern.compile(propertyNames.get("pattern").asText());
    }

    /** A {@code oneOf} without a discriminator is enforceable when its members differ in JSON type. */
    private void typeVariants(CompiledSchema compiled, JsonNode members, String location) {
        List<CompiledSchema> compiledMembers = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            compiledMembers.add(compile(members.get(i), location + "/" + i));
        }
        compiled.typeVariants = byType(compiledMembers, location);
    }

    /** One schema or the other, told apart by the value's JSON type; a value of neither breaks {@code refusals}. */
    CompiledSchema eitherByType(CompiledSchema one, CompiledSchema other, Refusals refusals, String location) {
        CompiledSchema either = new CompiledSchema();
        either.typeVariants = byType(List.of(one, other), location);
        either.refusals = refusals;
        return either;
    }

    private static Map<CompiledSchema.Type, CompiledSchema> byType(List<CompiledSchema> members, String location) {
        Map<CompiledSchema.Type, CompiledSchema> variants = new LinkedHashMap<>();
        for (CompiledSchema member : members) {
            if (member.type == null || variants.put(member.type, member) != null) {
                throw unsupported(location, "oneOf without a discriminator whose members do not differ in type");
            }
        }
        return variants;
    }

    private void discriminator(CompiledSchema compiled, JsonNode schema, JsonNode discriminator, String location) {
        JsonNode mapping = discriminator.get("mapping");
        if (!discriminator.has("propertyName") || mapping == null) {
            throw unsupported(location, "discriminator without propertyName and mapping");
        }
        Set<String> members = new java.util.HashSet<>();
        schema.path("oneOf").forEach(member -> members.add(member.path("$ref").asText()));
        compiled.discriminator = discriminator.get("propertyName").asText();
        compiled.mapping = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = mapping.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String ref = entry.getValue().asText();
            if (!members.remove(ref)) {
                throw new IllegalStateException("Discriminator mapping " + entry.getKey() + " at " + location
                        + " names " + ref + ", which is not a oneOf member");
            }
            compiled.mapping.put(entry.getKey(), resolve(ref, location + "/mapping/" + entry.getKey()));
        }
        if (!members.isEmpty()) {
            throw new IllegalStateException("oneOf members without a discriminator mapping at " + location + ": "
                    + members);
        }
        compiled.describeMapping();
    }

    private static IllegalStateException unsupported(String location, String what) {
        return new IllegalStateException("The request validator does not enforce " + what + " (at " + location
                + "); enforce it in " + CompiledSchema.class.getSimpleName() + " or leave it out of the contract");
    }
}
