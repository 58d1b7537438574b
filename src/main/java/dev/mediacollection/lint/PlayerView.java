package dev.mediacollection.lint;

import java.util.Map;
import java.util.Set;

/**
 * What the events have said about the player up to some event (docs/lint.md, "How a session is read"). Each
 * field that names an event holds it, or {@code null}.
 *
 * @param phase              open, complete ({@code sessionComplete} seen) or ended ({@code sessionEnd} seen)
 * @param playback           the playback state the last {@code play}, {@code pauseStart}, {@code bufferStart} or
 *                           {@code adStart} set (after a break: the state before it)
 * @param playbackSetBy      the event that set it
 * @param playbackBegun      a {@code play} or an {@code adStart} has come
 * @param firstContentPlay   the first {@code play} outside an ad break
 * @param sessionComplete    the {@code sessionComplete}
 * @param adBreak            the open ad break's {@code adBreakStart}
 * @param ad                 the open ad's {@code adStart} (inside a break or not)
 * @param previousAdInBreak  the last {@code adStart} of the open break
 * @param lastAdClose        the last {@code adComplete} or {@code adSkip} that closed an ad
 * @param lastBreakComplete  the last {@code adBreakComplete} that closed a break
 * @param afterBreak         the {@code adBreakComplete} of a break just closed, until the next event that is neither
 *                           a chapter, state, {@code bitrateChange} nor {@code error} event
 * @param chapter            the open chapter's {@code chapterStart}
 * @param activeStates       the player states on, each with the event that started it
 * @param statesSeen         every state name started in the session
 */
public record PlayerView(Phase phase, Playback playback, LintEvent playbackSetBy, boolean playbackBegun,
        LintEvent firstContentPlay, LintEvent sessionComplete, LintEvent adBreak, LintEvent ad,
        LintEvent previousAdInBreak, LintEvent lastAdClose, LintEvent lastBreakComplete, LintEvent afterBreak,
        LintEvent chapter, Map<String, LintEvent> activeStates, Set<String> statesSeen) {

    /** Where the session is in its life. */
    public enum Phase {
        OPEN, COMPLETE, ENDED
    }

    /** What the player is doing. */
    public enum Playback {
        /** Nothing has played yet. */
        STARTING, PLAYING, PAUSED, BUFFERING
    }

    public boolean inBreak() {
        return adBreak != null;
    }

    public boolean inAd() {
        return ad != null;
    }

    /** Playing main content: playing, outside any ad break, before the session completed or ended. */
    public boolean playingContent() {
        return playback == Playback.PLAYING && !inBreak() && !inAd() && phase == Phase.OPEN;
    }
}
