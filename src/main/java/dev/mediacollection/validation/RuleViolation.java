package dev.mediacollection.validation;

/**
 * One rule a request breaks, in its body or in a query parameter.
 *
 * @param pointer   RFC 6901 JSON pointer to the offending member of the body ({@code ""} is the whole body), or
 *                  {@code null} for a parameter
 * @param parameter the offending query parameter, or {@code null} for the body
 * @param detail    the rule, phrased to follow the member's name ("must be a number")
 */
public record RuleViolation(String pointer, String parameter, String detail) {

    static RuleViolation inBody(String pointer, String detail) {
        return new RuleViolation(pointer, null, detail);
    }

    static RuleViolation inParameter(String parameter, String detail) {
        return new RuleViolation(null, parameter, detail);
    }
}
