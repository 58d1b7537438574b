package dev.mediacollection.lint;

import dev.mediacollection.session.EventType;

/**
 * D4 {@code ad-break-start-while-open}: an {@code adBreakStart} while a break is open. Every adBreakStart needs its
 * adBreakComplete; without it Adobe ignores the break's ads.
 */
final class AdBreakStartWhileOpen extends Rule {

    AdBreakStartWhileOpen() {
        super("ad-break-start-while-open", Severity.ERROR);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            LintEvent open = step.before().adBreak();
            if (step.event().type() == EventType.AD_BREAK_START && open != null) {
                findings.add(step.event().named() + " opens a break while the break from "
                        + open.label() + " is still open. Every adBreakStart needs its adBreakComplete; without it"
                        + " Adobe ignores the break's ads and counts their time as content.", open, step.event());
            }
        }
    }
}
