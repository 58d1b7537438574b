package dev.mediacollection.api.problem;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of problem this API reports (RFC 9457 {@code type} and {@code title}). */
public enum ProblemType {

    MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 400),
    SCHEMA_VIOLATION("schema-violation", "Request body does not match the schema", 400),
    INVALID_PARAMETERS("invalid-parameters", "Invalid query parameters", 400),
    UNAUTHORIZED("unauthorized", "Unauthorized", 401),
    NOT_FOUND("not-found", "Not found", 404),
    UNKNOWN_SESSION("unknown-session", "Unknown session", 404),
    UNKNOWN_EVENT_TYPE("unknown-event-type", "Unknown event type", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    SESSION_CLOSED("session-closed", "Session closed", 410),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
    INTERNAL_ERROR("internal-error", "Internal server error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503);

    private static final Map<String, ProblemType> BY_URI = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ProblemType::uri, Function.identity()));

    private final String slug;
    private final String uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.uri = "/problems/" + slug;
        this.title = title;
        this.status = status;
    }

    /** The type of a problem document's {@code type}; {@code null} for {@code about:blank} (a plain status). */
    public static ProblemType ofUri(String uri) {
        return uri == null ? null : BY_URI.get(uri);
    }

    /** The last part of the type's URI, e.g. {@code schema-violation}. */
    public String slug() {
        return slug;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
