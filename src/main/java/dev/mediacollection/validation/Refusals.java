package dev.mediacollection.validation;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which profile first refuses each rule a schema states: the contract's {@code x-refused-by}. A rule it does not
 * name is refused only by the strict profile, so the contract marks what Adobe's schemas state ({@code adobe}) and
 * what the service cannot keep ({@code lenient}), and everything else of ours stays a finding outside strict.
 *
 * <pre>
 * x-refused-by:
 *   type: lenient                               # a rule id and the most lenient profile that refuses it
 *   required: {playerTime: lenient, params: adobe}  # required members may differ
 *   properties: {type: adobe, null-value: adobe}    # the same, for every property schema written inline here
 * </pre>
 */
final class Refusals {

    static final String EXTENSION = "x-refused-by";
    static final Refusals STRICT_ONLY = new Refusals(new EnumMap<>(Rule.class), Map.of(), null);

    private final Map<Rule, ValidationProfile> byRule;
    private final Map<String, ValidationProfile> requiredMembers;
    private final Refusals forProperties;

    private Refusals(Map<Rule, ValidationProfile> byRule, Map<String, ValidationProfile> requiredMembers,
            Refusals forProperties) {
        this.byRule = byRule;
        this.requiredMembers = requiredMembers;
        this.forProperties = forProperties;
    }

    ValidationProfile of(Rule rule) {
        return byRule.getOrDefault(rule, ValidationProfile.STRICT);
    }

    /** A missing required member: its own entry, or the schema's {@code required} one. */
    ValidationProfile required(String member) {
        ValidationProfile profile = requiredMembers.get(member);
        return profile != null ? profile : of(Rule.REQUIRED);
    }

    /** What a property schema written inline in this one starts from. */
    Refusals forProperties() {
        return forProperties == null ? STRICT_ONLY : forProperties;
    }

    /**
     * The refusals of a schema: its own {@code x-refused-by} over what it {@code inherits} (an inline property of a
     * schema whose extension has {@code properties}); an unknown rule or profile is an error at start-up.
     */
    static Refusals of(JsonNode schema, Refusals inherits, String location) {
        JsonNode extension = schema.get(EXTENSION);
        return extension == null ? inherits : parse(extension, inherits, location + "/" + EXTENSION);
    }

    private static Refusals parse(JsonNode extension, Refusals inherits, String location) {
        Map<Rule, ValidationProfile> byRule = new EnumMap<>(Rule.class);
        byRule.putAll(inherits.byRule);
        Map<String, ValidationProfile> requiredMembers = new HashMap<>(inherits.requiredMembers);
        Refusals forProperties = inherits.forProperties;
        for (Iterator<Map.Entry<String, JsonNode>> entries = extension.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String at = location + "/" + entry.getKey();
            if (entry.getKey().equals("properties")) {
                forProperties = parse(entry.getValue(), STRICT_ONLY, at);
            } else if (entry.getKey().equals(Rule.REQUIRED.id()) && entry.getValue().isObject()) {
                entry.getValue().fields().forEachRemaining(member -> requiredMembers.put(member.getKey(),
                        profile(member.getValue(), at + "/" + member.getKey())));
            } else {
                Rule rule = Rule.ofId(entry.getKey());
                if (rule == null) {
                    throw new IllegalStateException("Unknown rule " + entry.getKey() + " at " + at);
                }
                byRule.put(rule, profile(entry.getValue(), at));
            }
        }
        return new Refusals(byRule, Map.copyOf(requiredMembers), forProperties);
    }

    private static ValidationProfile profile(JsonNode name, String location) {
        try {
            return ValidationProfile.valueOf(name.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Unknown validation profile " + name + " at " + location);
        }
    }
}
