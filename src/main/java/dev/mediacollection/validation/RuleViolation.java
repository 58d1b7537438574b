package dev.mediacollection.validation;

/**
 * One rule a request breaks, in its body, in a query parameter or in how the body was sent.
 *
 * @param pointer   RFC 6901 JSON pointer to the offending member of the body ({@code ""} is the whole body), or
 *                  {@code null} for a parameter or the request as a whole
 * @param parameter the offending query parameter, or {@code null}
 * @param rule      which rule
 * @param detail    the rule, phrased to follow the member's name ("must be a number")
 * @param refusedBy the most lenient profile that refuses the request for it; every stricter one does too
 */
public record RuleViolation(String pointer, String parameter, Rule rule, String detail, ValidationProfile refusedBy) {

    static RuleViolation inBody(String pointer, Rule rule, String detail, ValidationProfile refusedBy) {
        return new RuleViolation(pointer, null, rule, detail, refusedBy);
    }

    /** A query parameter that breaks its rule: refused whatever the profile (parameters are not kept). */
    public static RuleViolation inParameter(String parameter, Rule rule, String detail) {
        return new RuleViolation(null, parameter, rule, detail, ValidationProfile.LENIENT);
    }

    /** How the body was sent, not what it holds; only the strict profile refuses it. */
    public static RuleViolation ofTransport(Rule rule, String detail) {
        return new RuleViolation(null, null, rule, detail, ValidationProfile.STRICT);
    }
}
