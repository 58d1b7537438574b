package dev.mediacollection.api.problem;

import java.util.List;

import dev.mediacollection.validation.RuleViolation;

/** A request this API refuses, with the problem document that tells the client why. */
public class ProblemException extends RuntimeException {

    /**
     * The most violations one problem lists. A 100,000-element array of wrong types would otherwise be answered
     * with megabytes of problem, and each rejection kept for the inspector would hold as much.
     */
    private static final int MAX_LISTED_VIOLATIONS = 100;

    private final ProblemType type;
    private final List<RuleViolation> violations;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<RuleViolation> violations) {
        // A client mistake, not a failure: no stack trace to capture.
        super(detail, null, false, false);
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public ProblemType type() {
        return type;
    }

    public List<RuleViolation> violations() {
        return violations;
    }

    public static ProblemException unsupportedMediaType(String contentType) {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, notJson(contentType));
    }

    /** What is wrong with a body not sent as JSON: the words of the refusal, and of the finding where it is kept. */
    public static String notJson(String contentType) {
        return contentType == null || contentType.isBlank()
                ? "The Content-Type header is missing; send the body as application/json."
                : "The body was sent as " + contentType + "; send it as application/json.";
    }

    public static ProblemException payloadTooLarge(long limit) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + limit + " bytes.");
    }

    public static ProblemException schemaViolations(List<RuleViolation> violations) {
        int count = violations.size();
        if (count > MAX_LISTED_VIOLATIONS) {
            return new ProblemException(ProblemType.SCHEMA_VIOLATION, "The request body has " + count
                    + " errors; the first " + MAX_LISTED_VIOLATIONS + " are listed.",
                    violations.subList(0, MAX_LISTED_VIOLATIONS));
        }
        return new ProblemException(ProblemType.SCHEMA_VIOLATION,
                "The request body has " + count + (count == 1 ? " error." : " errors."), violations);
    }
}
