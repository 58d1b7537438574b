package dev.mediacollection.lint;

import dev.mediacollection.session.EventType;

/**
 * D1 {@code ad-start-outside-break}: an {@code adStart} with no open ad break. Adobe ignores ads outside the
 * {@code adBreakStart}…{@code adBreakComplete} bookends and counts their time as main content.
 */
final class AdStartOutsideBreak extends Rule {

    AdStartOutsideBreak() {
        super("ad-start-outside-break", Severity.ERROR);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            if (step.event().type() == EventType.AD_START && !step.before().inBreak()) {
                LintEvent closedBreak = step.before().lastBreakComplete();
                String after = closedBreak == null ? "" : " (the last break closed at " + closedBreak.label() + ")";
                findings.add(step.event().named() + " is not inside an ad break" + after + ". Adobe"
                        + " ignores ads outside adBreakStart…adBreakComplete and counts their time as main content."
                        + " Send adBreakStart before the first ad of a break, even for a single ad.",
                        step.event(), closedBreak);
            }
        }
    }
}
