package dev.mediacollection.lint;

import dev.mediacollection.lint.PlayerView.Phase;
import dev.mediacollection.session.CloseCause;

/**
 * C3 {@code session-stalled-timeout}: the session expired because its playhead did not move for the stalled
 * timeout (30 minutes on Adobe's back end) while events kept coming; Adobe closes such a session and drops what
 * follows. Not for a completed session.
 */
final class SessionStalledTimeout extends Rule {

    SessionStalledTimeout() {
        super("session-stalled-timeout", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        Step last = walk.last();
        if (walk.session().closeCause() != CloseCause.STALLED || last.after().phase() == Phase.COMPLETE) {
            return;
        }
        LintEvent moved = walk.steps().get(0).event();
        for (Step step : walk.steps()) {
            if (step.index() > 0 && step.event().playhead() != walk.steps().get(step.index() - 1).event().playhead()) {
                moved = step.event();
            }
        }
        String advice = walk.live() && last.after().playback() == PlayerView.Playback.PLAYING
                ? "A live playhead must keep moving with the clock (see live-playhead-not-advancing)."
                : "After a pause longer than 30 minutes, end the session and start a new one with media.resume: true"
                        + " (and send the active player states again).";
        findings.add("The playhead has not moved since " + moved.label() + " (up to " + last.event().label()
                + "): the session was closed after the stalled timeout, and Adobe drops the events that follow. "
                + advice, moved, last.event());
    }
}
