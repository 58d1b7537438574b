package dev.mediacollection.store;

import java.util.List;

import dev.mediacollection.session.RecordedFinding;
import dev.mediacollection.session.SessionState;

/**
 * A session's session-level findings as the linter found them, and what it read to find them.
 *
 * @param sessionId  the session
 * @param eventCount how many events it had when read
 * @param state      where it stood when read
 * @param player     which player sent it
 * @param findings   the findings, in the session's order, each with the request it belongs to
 */
public record SessionLint(String sessionId, long eventCount, SessionState state, Player player,
        List<RecordedFinding> findings) {

    public SessionLint {
        findings = List.copyOf(findings);
    }

    /**
     * A player, as its sessionStart names it; each part {@code null} when absent.
     *
     * @param name           {@code media.playerName}
     * @param sdkVersion     {@code media.sdkVersion}
     * @param libraryVersion {@code media.libraryVersion}
     */
    public record Player(String name, String sdkVersion, String libraryVersion) {
    }
}
