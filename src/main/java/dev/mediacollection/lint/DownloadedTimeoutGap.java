package dev.mediacollection.lint;

import java.util.List;

/**
 * J3 {@code downloaded-timeout-gap}: a downloaded session with 10 minutes or more between two events, or 30 minutes
 * or more without the playhead moving. Online, Adobe would have closed the session there; Adobe's SDKs end it and
 * start a new one with {@code media.resume: true}.
 */
final class DownloadedTimeoutGap extends Rule {

    static final long IDLE_MS = 10 * 60_000;
    static final long STALLED_MS = 30 * 60_000;

    DownloadedTimeoutGap() {
        super("downloaded-timeout-gap", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        if (!walk.downloaded()) {
            return;
        }
        List<Step> steps = walk.steps();
        LintEvent moved = steps.get(0).event();
        for (int i = 1; i < steps.size(); i++) {
            LintEvent previous = steps.get(i - 1).event();
            LintEvent event = steps.get(i).event();
            boolean idle = event.ts() - previous.ts() >= IDLE_MS;
            if (idle) {
                findings.add("Between " + previous.label() + " and " + event.label() + " this downloaded session was"
                        + " silent for " + minutes(event.ts() - previous.ts()) + ". Online, Adobe would have closed"
                        + " it after 10 minutes without events; end the session there and start a new one with"
                        + " media.resume: true, as Adobe's SDKs do.", previous, event);
            } else if (event.playhead() == moved.playhead() && event.ts() - moved.ts() >= STALLED_MS) {
                findings.add("From " + moved.label() + " to " + event.label() + " the playhead of this downloaded"
                        + " session stayed at " + Wording.number(event.playhead()) + " for "
                        + minutes(event.ts() - moved.ts()) + ". Online, Adobe would have closed it after 30 minutes"
                        + " without playhead movement; end the session there and start a new one with"
                        + " media.resume: true.", moved, event);
            }
            // A stretch is reported once: the next one is measured from here.
            if (idle || event.playhead() != moved.playhead() || event.ts() - moved.ts() >= STALLED_MS) {
                moved = event;
            }
        }
    }

    private static String minutes(long millis) {
        return millis / 60_000 + " minutes";
    }
}
