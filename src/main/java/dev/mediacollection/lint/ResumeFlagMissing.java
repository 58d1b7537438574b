package dev.mediacollection.lint;

import java.time.Duration;

/**
 * K2 {@code resume-flag-missing}: a session continues the same viewer's earlier session of the same content (it
 * starts within 30 minutes of that one's last event, past the beginning and within a minute of the playhead where
 * that one stopped, and that one did not play to its end) without {@code media.resume: true}. Adobe then counts a second content start instead of a
 * resume.
 */
final class ResumeFlagMissing extends Rule {

    /** Adobe's SDKs start a resumed session after 30 minutes without playback: later, it is a new viewing. */
    static final Duration WITHIN = Duration.ofMinutes(30);
    /** How close to where the earlier session stopped the new one must start to continue it. */
    static final double PLAYHEAD_SECONDS = 60;

    ResumeFlagMissing() {
        super("resume-flag-missing", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        EarlierViewing earlier = walk.session().earlier();
        LintEvent start = walk.session().start();
        if (earlier == null || earlier.completed() || walk.downloaded()
                || start.params().path("media.resume").asBoolean(false)) {
            return;
        }
        Duration since = Duration.between(earlier.lastEventAt(), start.receivedAt());
        if (since.isNegative() || since.compareTo(WITHIN) > 0 || start.playhead() <= 0
                || Math.abs(start.playhead() - earlier.lastPlayhead()) > PLAYHEAD_SECONDS) {
            return;
        }
        findings.add("This session continues session " + earlier.sessionId() + " (the same viewer and media.id, "
                + Wording.seconds(since.toMillis()) + " after its last event, which was at playhead "
                + Wording.number(earlier.lastPlayhead()) + ") without media.resume: true. Adobe then counts a second"
                + " content start; set media.resume: true in the sessionStart when a viewer comes back to the same"
                + " content, as Adobe's SDKs do.", start);
    }
}
