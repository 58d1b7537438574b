package dev.mediacollection.session;

/**
 * A rule of the contract a request broke, kept with the request instead of refusing it (the validation profile
 * decides which rules refuse).
 *
 * @param rule    the rule's stable id, such as {@code minimum} or {@code unknown-key} (docs/api.md lists them)
 * @param pointer RFC 6901 pointer into the event's body, or {@code null} when the finding is about the request as a
 *                whole (how it was sent)
 * @param message what is wrong, in the words a refusal would use ("must be at least 0")
 */
public record Finding(String rule, String pointer, String message) {
}
