package dev.mediacollection.validation;

/**
 * One rule a request breaks.
 *
 * @param pointer RFC 6901 JSON pointer to the offending member ({@code ""} is the whole document)
 * @param detail  the rule, phrased to follow the member's name ("must be a number")
 */
public record RuleViolation(String pointer, String detail) {
}
