package dev.mediacollection.api.body;

import io.vertx.ext.web.RoutingContext;

/**
 * The {@code Content-Type} a player sent its body with, when the profile reads the body as JSON whatever it says:
 * the HTTP filter notes it here before routing and sets {@code application/json}; the body reader turns the note
 * into a finding.
 */
public final class SentContentType {

    private static final String KEY = "mc.sentContentType";
    private static final String MISSING = "";

    private SentContentType() {
    }

    /** Whether a {@code Content-Type} header says JSON ({@code application/json}, any parameters). */
    public static boolean isJson(String header) {
        if (header == null) {
            return false;
        }
        int parameters = header.indexOf(';');
        return (parameters < 0 ? header : header.substring(0, parameters)).trim()
                .equalsIgnoreCase("application/json");
    }

    /** Notes what was sent ({@code null}: no header). */
    public static void note(RoutingContext context, String header) {
        context.put(KEY, header == null || header.isBlank() ? MISSING : header);
    }

    /** What was noted: {@code null} when the body came as JSON; {@code ""} when it came without a type. */
    static String noted(RoutingContext context) {
        return context.get(KEY);
    }
}
