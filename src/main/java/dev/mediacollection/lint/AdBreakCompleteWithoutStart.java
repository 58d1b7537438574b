package dev.mediacollection.lint;

import dev.mediacollection.session.EventType;

/** D5 {@code ad-break-complete-without-start}: an {@code adBreakComplete} with no open break. */
final class AdBreakCompleteWithoutStart extends Rule {

    AdBreakCompleteWithoutStart() {
        super("ad-break-complete-without-start", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            if (step.event().type() == EventType.AD_BREAK_COMPLETE && !step.before().inBreak()) {
                findings.add(step.event().named() + " closes no ad break. Send adBreakStart"
                        + " when the break begins.", step.event());
            }
        }
    }
}
