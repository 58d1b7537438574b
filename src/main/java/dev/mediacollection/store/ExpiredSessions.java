package dev.mediacollection.store;

import java.util.List;

/**
 * What one write of an expiry sweep closed, by cause.
 *
 * @param idle    sessions that took no event within the idle timeout
 * @param stalled sessions whose playhead did not move within the stalled timeout
 * @param ids     the ids of all of them
 */
public record ExpiredSessions(int idle, int stalled, List<String> ids) {

    public ExpiredSessions {
        ids = List.copyOf(ids);
    }

    public int total() {
        return idle + stalled;
    }
}
