package dev.mediacollection.lint;

import java.util.EnumSet;
import java.util.Set;

import dev.mediacollection.session.EventType;

/**
 * D7 {@code playback-in-break-outside-ad}: {@code play}, {@code pauseStart} or {@code bufferStart} inside an ad
 * break but outside any ad. Adobe may count it as content playing (and a Content start too early); the SDKs drop
 * such calls.
 */
final class PlaybackInBreakOutsideAd extends Rule {

    private static final Set<EventType> PLAYBACK = EnumSet.of(EventType.PLAY, EventType.PAUSE_START,
            EventType.BUFFER_START);

    PlaybackInBreakOutsideAd() {
        super("playback-in-break-outside-ad", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            PlayerView before = step.before();
            if (PLAYBACK.contains(step.event().type()) && before.inBreak() && !before.inAd()) {
                findings.add(step.event().named() + " was sent inside the ad"
                        + " break from " + before.adBreak().label() + " but outside any ad. Between adBreakStart and"
                        + " adStart, and between ads, send no playback events: Adobe may count this as content"
                        + " playing and set Content starts too early. Send play after adStart instead.",
                        before.adBreak(), step.event());
            }
        }
    }
}
