package dev.mediacollection.api.readback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import dev.mediacollection.api.problem.ProblemException;
import dev.mediacollection.api.problem.ProblemType;
import dev.mediacollection.store.EventQuery;
import dev.mediacollection.store.FindingQuery;
import dev.mediacollection.store.SessionQuery;
import dev.mediacollection.validation.Rule;
import dev.mediacollection.validation.RuleViolation;

/**
 * Page cursors: opaque to clients (base64url), the position of the last item of the previous page to this service.
 * A cursor names its kind, so that one for sessions, or for another order, is refused rather than misread.
 */
final class Cursors {

    private Cursors() {
    }

    static String of(SessionQuery.Position position) {
        return encode("sessions:" + position.createdAt().toEpochMilli() + ":" + position.id());
    }

    static String of(EventQuery.Position position, boolean byTs) {
        return encode(byTs ? "ts:" + position.ts() + ":" + position.sequence() : "arrival:" + position.sequence());
    }

    static String of(FindingQuery.Position position) {
        return encode("findings:" + position.receivedAt().toEpochMilli() + ":" + position.sessionId() + ":"
                + position.sequence() + ":" + position.ordinal());
    }

    static Optional<FindingQuery.Position> findings(String cursor) {
        if (cursor == null) {
            return Optional.empty();
        }
        String[] parts = decode(cursor).split(":");
        try {
            if (parts.length == 5 && parts[0].equals("findings")) {
                return Optional.of(new FindingQuery.Position(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2],
                        Long.parseLong(parts[3]), Integer.parseInt(parts[4])));
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid();
    }

    static Optional<SessionQuery.Position> sessions(String cursor) {
        if (cursor == null) {
            return Optional.empty();
        }
        String[] parts = decode(cursor).split(":");
        try {
            if (parts.length == 3 && parts[0].equals("sessions")) {
                return Optional.of(new SessionQuery.Position(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid();
    }

    static Optional<EventQuery.Position> events(String cursor, boolean byTs) {
        if (cursor == null) {
            return Optional.empty();
        }
        String[] parts = decode(cursor).split(":");
        try {
            if (byTs && parts.length == 3 && parts[0].equals("ts")) {
                return Optional.of(new EventQuery.Position(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            }
            if (!byTs && parts.length == 2 && parts[0].equals("arrival")) {
                return Optional.of(new EventQuery.Position(0, Long.parseLong(parts[1])));
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid();
    }

    private static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.INVALID_PARAMETERS, "The query has 1 error.", List.of(
                RuleViolation.inParameter("cursor", Rule.CURSOR,
                        "is not a cursor of this listing: use the previous page's next")));
    }
}
