package dev.mediacollection.lint;

import java.util.List;

import dev.mediacollection.lint.PlayerView.Phase;
import dev.mediacollection.lint.PlayerView.Playback;

/**
 * F2 {@code playhead-advances-without-play}: before the first play, or while paused or buffering, the playhead moved
 * with the clock (between half and one and a half times the time that passed, over at least 5 s): the content was
 * playing but no {@code play} said so, and Adobe counts that time as not played. Main content of non-live sessions;
 * not right after an ad break ({@code no-play-after-ad-break} reports that). One finding per session.
 */
final class PlayheadAdvancesWithoutPlay extends Rule {

    static final long MIN_STRETCH_MS = 5_000;

    PlayheadAdvancesWithoutPlay() {
        super("playhead-advances-without-play", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        if (walk.live()) {
            return;
        }
        List<Step> steps = walk.steps();
        Tally<Step> stretches = new Tally<>();
        for (int i = 1; i < steps.size(); i++) {
            PlayerView during = steps.get(i - 1).after();
            long millis = steps.get(i).event().ts() - steps.get(i - 1).event().ts();
            double moved = steps.get(i).event().playhead() - steps.get(i - 1).event().playhead();
            if (notPlaying(during) && millis >= MIN_STRETCH_MS && moved >= 0.5 * millis / 1000.0
                    && moved <= 1.5 * millis / 1000.0) {
                stretches.add(steps.get(i), moved);
            }
        }
        if (stretches.isEmpty()) {
            return;
        }
        Step first = stretches.first();
        LintEvent from = steps.get(first.index() - 1).event();
        LintEvent setBy = first.before().playbackSetBy();
        String since = setBy == null ? "before any play" : "after " + setBy.named();
        String more = stretches.count() == 1 ? "" : " (" + stretches.count() + " such stretches in this session)";
        findings.add("The playhead moved " + Wording.number(first.event().playhead() - from.playhead()) + " s in "
                + Wording.seconds(first.event().ts() - from.ts()) + " " + since + " without a play (" + from.label()
                + " → " + first.event().label() + ")" + more + ". There is no resume event: send play when playback"
                + " starts or resumes after a pause or buffering; until then the time is counted as not played.",
                setBy, from, first.event());
    }

    private static boolean notPlaying(PlayerView during) {
        return during.playback() != Playback.PLAYING && !during.inBreak() && !during.inAd()
                && during.afterBreak() == null && during.phase() == Phase.OPEN;
    }
}
