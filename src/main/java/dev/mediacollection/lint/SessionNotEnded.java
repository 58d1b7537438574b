package dev.mediacollection.lint;

import dev.mediacollection.lint.PlayerView.Phase;
import dev.mediacollection.lint.PlayerView.Playback;
import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.EventType;

/**
 * C2 {@code session-not-ended}: the session was playing (content or an ad) when its events stopped, and it expired
 * for want of events, without {@code sessionEnd} or {@code sessionComplete}: the player was most likely unloaded or
 * crashed. A session left to expire while paused, buffering or before playing is not reported: Adobe calls that the
 * safer choice.
 */
final class SessionNotEnded extends Rule {

    SessionNotEnded() {
        super("session-not-ended", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        Step last = walk.last();
        if (walk.session().closeCause() != CloseCause.IDLE || last.after().phase() != Phase.OPEN
                || last.after().playback() != Playback.PLAYING) {
            return;
        }
        LintEvent event = last.event();
        String advice = event.type() == EventType.ERROR
                ? "After an error that stops playback, send sessionEnd."
                : "The player probably unloaded or crashed without sending sessionEnd: send it when the player is"
                        + " destroyed or the page unloads (for example on pagehide).";
        findings.add("The session was playing at " + event.label() + " and then nothing more arrived; it closed"
                + " after the idle timeout without sessionEnd. " + advice, event);
    }
}
