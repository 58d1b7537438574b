package dev.mediacollection.store;

/**
 * What an expiry sweep closed, by cause.
 *
 * @param idle    sessions that took no event within the idle timeout
 * @param stalled sessions whose playhead did not move within the stalled timeout
 */
public record ExpiredSessions(int idle, int stalled) {

    public int total() {
        return idle + stalled;
    }
}
