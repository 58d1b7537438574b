package dev.mediacollection.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;

import dev.mediacollection.support.Spec;

/**
 * What the reference validator (networknt's json-schema-validator) flags in a body, said the way the service says
 * it: an RFC 6901 pointer to the member concerned, and the rule's id (docs/api.md, "Findings"). Read from
 * networknt's structured errors (keyword, instance location, property, evaluation path, schema location), never from
 * their messages. The two vocabularies differ in three places:
 * <ul>
 * <li>A member missing ({@code required}) or not allowed ({@code additionalProperties}) is reported on the object
 * that holds it, with the member's name in {@code property}; the service points at the member: object + "/" +
 * name. A key not allowed is {@code unknown-key}, or {@code key-pattern} where the object's schema restricts its
 * keys (the contract's {@code x-propertyNames}, written as {@code patternProperties} for draft-04).</li>
 * <li>A {@code oneOf} with a discriminator: networknt does not know discriminators, so it checks the body against
 * every branch and reports each branch's errors (under {@code …/oneOf/<n>/…}) and the {@code oneOf} failure. The
 * contract's discriminator picks the branch whose own schema accepts the body's discriminator value (each event
 * schema pins {@code eventType} with a pattern): its errors are the reference's verdict, the others' are not. When
 * no branch accepts the value (missing, not a string, no such event type) the verdict is one flag on the
 * discriminator member, {@code event-type}; when the value is not an object, no branch applies and the schema's own
 * {@code type} error is the verdict.</li>
 * <li>{@code type} is three rules of ours: {@code null-value} for {@code null}, {@code integer} for a number with
 * a fraction where an integer is due, {@code type} for any other value. A value of the wrong type also breaks, for
 * networknt, every other keyword checked on it ({@code 7} for {@code enum: [player, external]}: type and enum); the
 * service names such a value once, by its type, as it checks the type first. So where the reference flags a type
 * rule at a member, its other value keywords there are not flags of their own.</li>
 * </ul>
 * Every other keyword is reported, by both, at the value it concerns, under the rule {@link ProfileSchema#RULES}
 * gives it. A keyword that table does not name fails the test: nothing the reference flags is dropped unnoticed.
 */
final class ReferenceFlags {

    /** One member a body breaks a rule at, and the rule. */
    record Flag(String pointer, String rule) {
    }

    /** The rules of a value of the wrong type. */
    private static final Set<String> TYPE_RULES = Set.of("type", "null-value", "integer");

    private ReferenceFlags() {
    }

    /** The reference's errors for one body, as flags. */
    static Set<Flag> of(List<Error> errors) {
        Set<Flag> flags = new LinkedHashSet<>();
        Set<Error> setAside = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Error> choices = errors.stream().filter(error -> error.getKeyword().equals("oneOf"))
                .sorted(Comparator.comparingInt(error -> error.getEvaluationPath().getNameCount())).toList();
        for (Error choice : choices) {
            if (setAside.add(choice)) {
                flags.addAll(chooseBranch(choice, errors, setAside));
            }
        }
        for (Error error : errors) {
            if (!setAside.contains(error)) {
                flags.add(flag(error));
            }
        }
        Set<String> mistyped = new HashSet<>();
        flags.stream().filter(flag -> TYPE_RULES.contains(flag.rule())).forEach(flag -> mistyped.add(flag.pointer()));
        flags.removeIf(flag -> mistyped.contains(flag.pointer()) && ProfileSchema.RULES.containsValue(flag.rule()));
        return flags;
    }

    /**
     * Sets aside ({@code setAside}) the errors of every branch of a failed {@code oneOf} but the one its discriminator
     * picks, and returns the flag for a discriminator value no branch takes, if so.
     */
    private static List<Flag> chooseBranch(Error choice, List<Error> errors, Set<Error> setAside) {
        NodePath at = choice.getInstanceLocation();
        Map<Integer, List<Error>> branches = branches(choice, errors);
        if (!choice.getInstanceNode().isObject()) {
            branches.values().forEach(setAside::addAll);
            if (errors.stream().noneMatch(error -> error.getKeyword().equals("type") && !setAside.contains(error)
                    && error.getInstanceLocation().equals(at))) {
                throw new IllegalStateException("A oneOf on a value that is no object, without a type error: "
                        + choice);
            }
            return List.of();
        }
        if (branches.size() != choice.getSchemaNode().size()) {
            throw new IllegalStateException("A oneOf that fails with a valid branch: its branches overlap: " + choice);
        }
        String discriminator = discriminator(choice);
        String discriminatorPointer = pointer(at) + "/" + escape(discriminator);
        List<Integer> named = new ArrayList<>();
        branches.forEach((branch, inBranch) -> {
            boolean acceptsValue = inBranch.stream().noneMatch(error -> pointer(error.getInstanceLocation())
                    .equals(discriminatorPointer) || error.getKeyword().equals("required")
                            && error.getInstanceLocation().equals(at) && discriminator.equals(error.getProperty()));
            if (acceptsValue) {
                named.add(branch);
            } else {
                setAside.addAll(inBranch);
            }
        });
        if (named.size() > 1) {
            throw new IllegalStateException("More than one branch takes " + discriminator + ": " + named);
        }
        return named.isEmpty() ? List.of(new Flag(discriminatorPointer, "event-type")) : List.of();
    }

    /**
     * The errors of each branch of a {@code oneOf}, by the branch's index (the step after {@code oneOf}). The
     * evaluation path does not tell apart the elements of an array ({@code …/items/oneOf/…} for each), so a
     * branch's errors are also those within the value the {@code oneOf} was checked on.
     */
    private static Map<Integer, List<Error>> branches(Error choice, List<Error> errors) {
        NodePath oneOf = choice.getEvaluationPath();
        String value = pointer(choice.getInstanceLocation());
        Map<Integer, List<Error>> branches = new TreeMap<>();
        for (Error error : errors) {
            NodePath path = error.getEvaluationPath();
            String at = pointer(error.getInstanceLocation());
            if (path.getNameCount() > oneOf.getNameCount() && path.startsWith(oneOf)
                    && (at.equals(value) || at.startsWith(value + "/"))) {
                int branch = (Integer) path.getElement(oneOf.getNameCount());
                branches.computeIfAbsent(branch, ignored -> new ArrayList<>()).add(error);
            }
        }
        return branches;
    }

    /** The discriminator's property, as the contract gives it next to the {@code oneOf}. */
    private static String discriminator(Error choice) {
        JsonNode owner = Spec.document().at(pointer(choice.getSchemaLocation().getFragment().getParent()));
        JsonNode property = owner.at("/discriminator/propertyName");
        if (!property.isTextual()) {
            throw new IllegalStateException("A oneOf without a discriminator: no branch can be picked: " + choice);
        }
        return property.textValue();
    }

    private static Flag flag(Error error) {
        String at = pointer(error.getInstanceLocation());
        String keyword = error.getKeyword();
        return switch (keyword) {
            case "required" -> new Flag(at + "/" + escape(error.getProperty()), "required");
            case "additionalProperties" -> new Flag(at + "/" + escape(error.getProperty()),
                    restrictsKeys(error) ? "key-pattern" : "unknown-key");
            case "type" -> new Flag(at, typeRule(error));
            default -> {
                String rule = ProfileSchema.RULES.get(keyword);
                if (rule == null) {
                    throw new IllegalStateException("No rule of ours for the keyword " + keyword + ": " + error);
                }
                yield new Flag(at, rule);
            }
        };
    }

    /** Whether the object's schema in the contract restricts its keys ({@code x-propertyNames}). */
    private static boolean restrictsKeys(Error error) {
        return Spec.document().at(pointer(error.getSchemaLocation().getFragment().getParent()))
                .has("x-propertyNames");
    }

    private static String typeRule(Error error) {
        if (error.getInstanceNode().isNull()) {
            return "null-value";
        }
        boolean integerDue = "integer".equals(error.getSchemaNode().asString());
        return integerDue && error.getInstanceNode().isNumber() ? "integer" : "type";
    }

    /** A path as an RFC 6901 pointer. */
    static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
