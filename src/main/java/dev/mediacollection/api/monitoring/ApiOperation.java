package dev.mediacollection.api.monitoring;

import dev.mediacollection.api.ApiPaths;
import io.vertx.core.http.HttpMethod;

/**
 * The contract's operations, named by their {@code operationId}, as request metrics label them. Anything else (an
 * unknown path or method, /q/*, the inspector) is {@link #OTHER}: a closed set of values, so that no request, however
 * hostile its path, can add a series.
 */
public enum ApiOperation {

    CREATE_SESSION("createSession"),
    LIST_SESSIONS("listSessions"),
    PREFLIGHT_SESSIONS("preflightSessions"),
    GET_SESSION("getSession"),
    TRACK_EVENT("trackEvent"),
    LIST_EVENTS("listEvents"),
    PREFLIGHT_EVENTS("preflightEvents"),
    GET_SESSION_TIMELINE("getSessionTimeline"),
    UPLOAD_DOWNLOADED_SESSION("uploadDownloadedSession"),
    PREFLIGHT_DOWNLOADED("preflightDownloaded"),
    GET_EVENT_SCHEMA("getEventSchema"),
    LIST_FINDINGS("listFindings"),
    LIST_PLAYER_FINDINGS("listPlayerFindings"),
    LIST_REJECTIONS("listRejections"),
    GET_REPORT("getReport"),
    OTHER("other");

    private static final String PREFIX = ApiPaths.PREFIX + "/";

    private final String operationId;

    ApiOperation(String operationId) {
        this.operationId = operationId;
    }

    public String operationId() {
        return operationId;
    }

    /** The operation a request is for, from its method and path alone; no regular expression, no allocation. */
    public static ApiOperation of(HttpMethod method, String path) {
        if (!path.startsWith(PREFIX)) {
            return OTHER;
        }
        int start = PREFIX.length();
        if (segment(path, start, "sessions")) {
            int afterSessions = start + "sessions".length();
            if (afterSessions == path.length()) {
                return byMethod(method, CREATE_SESSION, LIST_SESSIONS, PREFLIGHT_SESSIONS);
            }
            int idStart = afterSessions + 1;
            int idEnd = path.indexOf('/', idStart);
            if (idStart >= path.length() || idEnd == idStart) {
                return OTHER;
            }
            if (idEnd < 0) {
                return HttpMethod.GET.equals(method) ? GET_SESSION : OTHER;
            }
            if (path.length() == idEnd + "/timeline".length() && path.startsWith("/timeline", idEnd)) {
                return HttpMethod.GET.equals(method) ? GET_SESSION_TIMELINE : OTHER;
            }
            return path.length() == idEnd + "/events".length() && path.startsWith("/events", idEnd)
                    ? byMethod(method, TRACK_EVENT, LIST_EVENTS, PREFLIGHT_EVENTS)
                    : OTHER;
        }
        if (segment(path, start, "downloaded") && path.length() == start + "downloaded".length()) {
            return byMethod(method, UPLOAD_DOWNLOADED_SESSION, OTHER, PREFLIGHT_DOWNLOADED);
        }
        if (segment(path, start, "schemas") && path.length() > start + "schemas/".length()
                && path.indexOf('/', start + "schemas/".length()) < 0) {
            return HttpMethod.GET.equals(method) ? GET_EVENT_SCHEMA : OTHER;
        }
        if (segment(path, start, "rejections") && path.length() == start + "rejections".length()) {
            return HttpMethod.GET.equals(method) ? LIST_REJECTIONS : OTHER;
        }
        if (segment(path, start, "findings")) {
            int afterFindings = start + "findings".length();
            if (path.length() == afterFindings) {
                return HttpMethod.GET.equals(method) ? LIST_FINDINGS : OTHER;
            }
            return path.length() == afterFindings + "/players".length() && path.startsWith("/players", afterFindings)
                    && HttpMethod.GET.equals(method) ? LIST_PLAYER_FINDINGS : OTHER;
        }
        if (segment(path, start, "reports") && path.length() == start + "reports".length()) {
            return HttpMethod.GET.equals(method) ? GET_REPORT : OTHER;
        }
        return OTHER;
    }

    /** Whether {@code name} stands at {@code start}, followed by the end of the path or a slash. */
    private static boolean segment(String path, int start, String name) {
        int end = start + name.length();
        return path.startsWith(name, start) && (end == path.length() || path.charAt(end) == '/');
    }

    private static ApiOperation byMethod(HttpMethod method, ApiOperation post, ApiOperation get,
            ApiOperation options) {
        if (HttpMethod.POST.equals(method)) {
            return post;
        }
        if (HttpMethod.GET.equals(method)) {
            return get;
        }
        return HttpMethod.OPTIONS.equals(method) ? options : OTHER;
    }
}
