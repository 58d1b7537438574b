package dev.mediacollection.lint;

import dev.mediacollection.session.EventType;

/**
 * D9 {@code play-before-preroll}: the first {@code play} of the content came before a pre-roll break (an
 * {@code adBreakStart} less than a second of content after it). Adobe counts a Content start at that play even if
 * the viewer leaves during the pre-roll; the SDKs drop such a play.
 */
final class PlayBeforePreroll extends Rule {

    static final double PREROLL_SECONDS = 1;

    PlayBeforePreroll() {
        super("play-before-preroll", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        LintEvent play = walk.last().after().firstContentPlay();
        if (play == null) {
            return;
        }
        for (Step step : walk.steps()) {
            LintEvent event = step.event();
            if (step.before().firstContentPlay() != play) {
                continue;
            }
            boolean progressed = event.playhead() - play.playhead() >= PREROLL_SECONDS;
            if (event.type() == EventType.AD_BREAK_START && !progressed) {
                findings.add(play.named() + " came before the pre-roll break " + event.label() + ". Adobe"
                        + " counts a Content start at the first play, even if the viewer leaves during the pre-roll;"
                        + " send play only after adBreakStart and adStart.", play, event);
                return;
            }
            if (progressed || event.type() == EventType.AD_BREAK_START) {
                return;
            }
        }
    }
}
