package dev.mediacollection.lint;

/**
 * D11 {@code playhead-moves-during-ad}: inside an ad break the playhead left the break's position by more than a
 * second. During ads the playhead stays where the main content stopped; it is not the ad's own position. Not for
 * live sessions (a time-of-day playhead may go on under a server-inserted ad). One finding per break.
 */
final class PlayheadMovesDuringAd extends Rule {

    static final double TOLERANCE_SECONDS = 1;

    PlayheadMovesDuringAd() {
        super("playhead-moves-during-ad", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        if (walk.live()) {
            return;
        }
        LintEvent reported = null;
        for (Step step : walk.steps()) {
            LintEvent adBreak = step.before().adBreak();
            if (adBreak == null || adBreak == reported
                    || Math.abs(step.event().playhead() - adBreak.playhead()) <= TOLERANCE_SECONDS) {
                continue;
            }
            reported = adBreak;
            findings.add("Inside the ad break from " + adBreak.label() + " (playhead "
                    + Wording.number(adBreak.playhead()) + ") event " + step.event().label() + " reports playhead "
                    + Wording.number(step.event().playhead()) + ". During ads keep sending the main content's"
                    + " playhead, frozen where the break began; not the ad's own position.", adBreak, step.event());
        }
    }
}
