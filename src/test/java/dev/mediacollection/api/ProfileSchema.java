package dev.mediacollection.api;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.validation.ValidationProfile;

/**
 * A contract schema reduced to what a validation profile refuses, read from the contract's {@code x-refused-by} on
 * its own (from its description in the contract, not from the service's code): a keyword whose rule the extension
 * does not give to the profile, or to a more lenient one, is dropped.
 */
final class ProfileSchema {

    /**
     * The rule each droppable keyword states (type also states null-value and integer); also the rule of each
     * keyword's errors in {@link ReferenceFlags}.
     */
    static final Map<String, String> RULES = Map.of(
            "enum", "enum", "pattern", "pattern", "minimum", "minimum", "exclusiveMinimum", "minimum",
            "maximum", "maximum", "exclusiveMaximum", "maximum", "minProperties", "min-properties",
            "minItems", "min-items", "format", "integer-size", "x-propertyNames", "key-pattern");

    private ProfileSchema() {
    }

    /**
     * Reduces a schema in place. {@code inherited}: what its parent's {@code x-refused-by} says of the properties
     * written inside it.
     */
    static void reduce(JsonNode node, Map<String, String> inherited, ValidationProfile profile) {
        if (!(node instanceof ObjectNode schema) || schema.has("$ref")) {
            return;
        }
        Map<String, String> levels = new HashMap<>(inherited);
        Map<String, String> forProperties = Map.of();
        Map<String, String> requiredMembers = new HashMap<>();
        JsonNode extension = schema.path("x-refused-by");
        for (Iterator<Map.Entry<String, JsonNode>> entries = extension.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getKey().equals("properties")) {
                forProperties = new HashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> rules = entry.getValue().fields(); rules.hasNext(); ) {
                    Map.Entry<String, JsonNode> rule = rules.next();
                    forProperties.put(rule.getKey(), rule.getValue().asText());
                }
            } else if (entry.getKey().equals("required") && entry.getValue().isObject()) {
                entry.getValue().fields().forEachRemaining(member -> requiredMembers.put(member.getKey(),
                        member.getValue().asText()));
            } else {
                levels.put(entry.getKey(), entry.getValue().asText());
            }
        }
        if (schema.has("type") && !refuses(levels, "type", profile)) {
            schema.remove("type");
        } else if ("integer".equals(schema.path("type").asText()) && !refuses(levels, "integer", profile)) {
            schema.put("type", "number");
        }
        RULES.forEach((keyword, rule) -> {
            if (schema.has(keyword) && !refuses(levels, rule, profile)) {
                schema.remove(keyword);
            }
        });
        if (schema.path("additionalProperties").isBoolean() && !refuses(levels, "unknown-key", profile)) {
            schema.remove("additionalProperties");
        }
        if (schema.get("required") instanceof ArrayNode required) {
            ArrayNode kept = schema.putArray("required");
            required.forEach(member -> {
                String level = requiredMembers.getOrDefault(member.asText(), levels.getOrDefault("required", "strict"));
                if (refuses(level, profile)) {
                    kept.add(member);
                }
            });
            if (kept.isEmpty()) {
                schema.remove("required");
            }
        }
        Map<String, String> inline = forProperties;
        schema.path("properties").fields().forEachRemaining(property -> {
            // The discriminator names the event type whatever the profile: keep what pins it in each member.
            if (!property.getKey().equals("eventType")) {
                reduce(property.getValue(), inline, profile);
            }
        });
        reduce(schema.path("additionalProperties"), Map.of(), profile);
        reduce(schema.path("items"), Map.of(), profile);
    }

    private static boolean refuses(Map<String, String> levels, String rule, ValidationProfile profile) {
        return refuses(levels.getOrDefault(rule, "strict"), profile);
    }

    private static boolean refuses(String level, ValidationProfile profile) {
        return ValidationProfile.valueOf(level.toUpperCase(java.util.Locale.ROOT)).compareTo(profile) <= 0;
    }
}
