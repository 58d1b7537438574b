package dev.mediacollection.validation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One schema of the contract, compiled for checking JSON values. Every keyword the compiler accepts is enforced
 * here; {@link SchemaCompiler} refuses the rest, so the contract cannot promise a rule that goes unchecked.
 */
final class CompiledSchema {

    private static final Pattern ANCHORED_LITERAL = Pattern.compile("\\^([A-Za-z0-9_.]+)\\$");

    enum Type {
        OBJECT("an object"), ARRAY("an array"), STRING("a string"), NUMBER("a number"), INTEGER("an integer"),
        BOOLEAN("a boolean");

        final String article;

        Type(String article) {
            this.article = article;
        }
    }

    /** Which profile refuses a value that breaks each rule here ({@code x-refused-by}). */
    Refusals refusals = Refusals.STRICT_ONLY;

    Type type;
    boolean nullable;

    List<JsonNode> enumValues;
    String enumDescription;

    Double minimum;
    boolean exclusiveMinimum;
    Double maximum;
    boolean exclusiveMaximum;
    /** {@code format: int32}; other integers must fit in 64 bits. */
    boolean int32;

    Integer minLength;
    Integer maxLength;
    Pattern pattern;
    /** The one string an anchored literal pattern ({@code ^ping$}) allows, for a plainer message. */
    String patternLiteral;
    /** {@code format: date-time}: RFC 3339. */
    boolean dateTime;

    Map<String, CompiledSchema> properties = Map.of();
    List<String> required = List.of();
    boolean additionalAllowed = true;
    CompiledSchema additionalSchema;
    Pattern keyPattern;
    Integer minProperties;
    Integer maxProperties;

    CompiledSchema items;
    Integer minItems;
    Integer maxItems;

    String discriminator;
    Map<String, CompiledSchema> mapping;
    String mappingDescription;

    /** A {@code oneOf} whose members differ in JSON type: the value's type picks the member. */
    Map<Type, CompiledSchema> typeVariants;

    void check(JsonNode value, JsonPath at, ValidationReport report) {
        if (typeVariants != null) {
            checkTypeVariant(value, at, report);
            return;
        }
        if (value.isNull()) {
            if (!nullable && type != null) {
                violation(report, at, Rule.NULL_VALUE, "must be " + type.article + ", not null");
            }
            return;
        }
        if (type != null && !hasType(type, value)) {
            if (type == Type.INTEGER && value.isNumber()) {
                // A fraction where an integer is due is a number all the same: its own rule. A profile may keep it
                // as its whole part, so that part must fit all the same (1e400 is no ts).
                violation(report, at, Rule.INTEGER, "must be " + type.article);
                checkIntegerSize(value, at, report);
            } else {
                violation(report, at, Rule.TYPE, "must be " + type.article);
            }
            return;
        }
        if (enumValues != null && !enumValues.contains(value)) {
            violation(report, at, Rule.ENUM, "must be " + enumDescription);
            return;
        }
        switch (type == null ? Type.OBJECT : type) {
            case OBJECT -> {
                if (value.isObject()) {
                    checkObject(value, at, report);
                }
            }
            case ARRAY -> checkArray(value, at, report);
            case STRING -> checkString(value.textValue(), at, report);
            case NUMBER, INTEGER -> checkNumber(value, at, report);
            case BOOLEAN -> {
            }
        }
    }

    private static boolean hasType(Type type, JsonNode value) {
        return switch (type) {
            case OBJECT -> value.isObject();
            case ARRAY -> value.isArray();
            case STRING -> value.isTextual();
            case NUMBER -> value.isNumber();
            case INTEGER -> value.isIntegralNumber();
            case BOOLEAN -> value.isBoolean();
        };
    }

    private void checkNumber(JsonNode value, JsonPath at, ValidationReport report) {
        if (type == Type.INTEGER && !checkIntegerSize(value, at, report)) {
            return;
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            violation(report, at, Rule.FINITE, "must be a finite number");
            return;
        }
        if (minimum != null && (exclusiveMinimum ? number <= minimum : number < minimum)) {
            violation(report, at, Rule.MINIMUM,
                    (exclusiveMinimum ? "must be greater than " : "must be at least ") + plain(minimum));
        } else if (maximum != null && (exclusiveMaximum ? number >= maximum : number > maximum)) {
            violation(report, at, Rule.MAXIMUM,
                    (exclusiveMaximum ? "must be less than " : "must be at most ") + plain(maximum));
        }
    }

    /** Whether the number fits the integer's format; if not, that is the violation. */
    private boolean checkIntegerSize(JsonNode value, JsonPath at, ValidationReport report) {
        boolean fits = int32 ? value.canConvertToInt() : value.canConvertToLong();
        if (!fits) {
            violation(report, at, Rule.INTEGER_SIZE, "must fit in a " + (int32 ? 32 : 64) + "-bit signed integer");
        }
        return fits;
    }

    private void checkString(String text, JsonPath at, ValidationReport report) {
        if (minLength != null || maxLength != null) {
            int length = text.codePointCount(0, text.length());
            if (minLength != null && length < minLength) {
                violation(report, at, Rule.LENGTH, "must have at least " + minLength + " characters");
                return;
            }
            if (maxLength != null && length > maxLength) {
                violation(report, at, Rule.LENGTH, "must have at most " + maxLength + " characters");
                return;
            }
        }
        if (dateTime && !isDateTime(text)) {
            violation(report, at, Rule.DATE_TIME, "must be a date-time such as 2026-11-26T09:00:00Z");
            return;
        }
        if (pattern != null && !pattern.matcher(text).find()) {
            violation(report, at, Rule.PATTERN, patternLiteral != null
                    ? "must be \"" + patternLiteral + '"'
                    : "must match " + pattern.pattern());
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void checkArray(JsonNode array, JsonPath at, ValidationReport report) {
        int size = array.size();
        if (minItems != null && size < minItems) {
            violation(report, at, Rule.MIN_ITEMS,
                    "must have at least " + minItems + (minItems == 1 ? " element" : " elements"));
            return;
        }
        if (maxItems != null && size > maxItems) {
            violation(report, at, Rule.MAX_ITEMS, "must have at most " + maxItems + " elements");
            return;
        }
        if (items != null) {
            for (int i = 0; i < size; i++) {
                items.check(array.get(i), at.child(i), report);
            }
        }
    }

    private void checkObject(JsonNode object, JsonPath at, ValidationReport report) {
        if (discriminator != null) {
            checkVariant(object, at, report);
            return;
        }
        int size = object.size();
        if (minProperties != null && size < minProperties) {
            violation(report, at, Rule.MIN_PROPERTIES,
                    "must have at least " + minProperties + (minProperties == 1 ? " key" : " keys"));
        }
        if (maxProperties != null && size > maxProperties) {
            violation(report, at, Rule.MAX_PROPERTIES, "must have at most " + maxProperties + " keys");
        }
        for (String name : required) {
            if (!object.has(name)) {
                report.violation(at.child(name), Rule.REQUIRED, refusals.required(name), "is required");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            CompiledSchema property = properties.get(name);
            if (property != null) {
                property.check(field.getValue(), at.child(name), report);
            } else if (keyPattern != null && !keyPattern.matcher(name).find()) {
                violation(report, at.child(name), Rule.KEY_PATTERN,
                        "is not an allowed key: keys must match " + keyPattern.pattern());
            } else if (additionalSchema != null) {
                additionalSchema.check(field.getValue(), at.child(name), report);
            } else if (!additionalAllowed) {
                String suggestion = KeySuggestions.closest(name, properties.keySet());
                violation(report, at.child(name), Rule.UNKNOWN_KEY, suggestion == null
                        ? "is not a known key"
                        : "is not a known key (did you mean \"" + suggestion + "\"?)");
            }
        }
    }

    /** A {@code oneOf} chosen by a discriminator: the property names the schema the rest must follow. */
    private void checkVariant(JsonNode object, JsonPath at, ValidationReport report) {
        JsonNode name = object.get(discriminator);
        if (name == null) {
            violation(report, at.child(discriminator), Rule.EVENT_TYPE, "is required");
        } else if (!name.isTextual()) {
            violation(report, at.child(discriminator), Rule.EVENT_TYPE, "must be a string");
        } else {
            CompiledSchema variant = mapping.get(name.textValue());
            if (variant == null) {
                violation(report, at.child(discriminator), Rule.EVENT_TYPE, "must be " + mappingDescription);
            } else {
                variant.check(object, at, report);
            }
        }
    }

    private void checkTypeVariant(JsonNode value, JsonPath at, ValidationReport report) {
        for (Map.Entry<Type, CompiledSchema> variant : typeVariants.entrySet()) {
            if (hasType(variant.getKey(), value)) {
                variant.getValue().check(value, at, report);
                return;
            }
        }
        violation(report, at, Rule.TYPE, "must be " + typeVariants.keySet().stream().map(t -> t.article)
                .reduce((first, second) -> first + " or " + second).orElseThrow());
    }

    private void violation(ValidationReport report, JsonPath at, Rule rule, String detail) {
        report.violation(at, rule, refusals.of(rule), detail);
    }

    void pattern(String regex) {
        pattern = Pattern.compile(regex);
        Matcher literal = ANCHORED_LITERAL.matcher(regex);
        patternLiteral = literal.matches() ? literal.group(1) : null;
    }

    void describeEnum() {
        enumDescription = oneOf(enumValues.stream().map(JsonNode::toString).toList());
    }

    void describeMapping() {
        List<String> names = new ArrayList<>();
        mapping.keySet().forEach(name -> names.add('"' + name + '"'));
        mappingDescription = oneOf(names);
    }

    private static String oneOf(List<String> literals) {
        return literals.size() == 1 ? literals.get(0) : "one of " + String.join(", ", literals);
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
