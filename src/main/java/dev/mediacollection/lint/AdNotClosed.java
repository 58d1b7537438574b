package dev.mediacollection.lint;

import dev.mediacollection.session.EventType;

/**
 * D3 {@code ad-not-closed}: an {@code adStart} or {@code adBreakComplete} while an ad is open. Each ad ends with
 * {@code adComplete} (played to the end) or {@code adSkip}; Adobe's SDKs send the {@code adSkip} themselves.
 */
final class AdNotClosed extends Rule {

    AdNotClosed() {
        super("ad-not-closed", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            LintEvent open = step.before().ad();
            EventType type = step.event().type();
            if (open == null) {
                continue;
            }
            if (type == EventType.AD_START) {
                findings.add(step.event().named() + " starts an ad while the ad started at "
                        + open.label() + " is still open. Close each ad with adComplete (played to the end) or"
                        + " adSkip; otherwise it cannot count as completed.", open, step.event());
            } else if (type == EventType.AD_BREAK_COMPLETE) {
                findings.add(step.event().named() + " closes the break while the ad started at "
                        + open.label() + " is still open. Send adComplete (or adSkip) for the last ad, then"
                        + " adBreakComplete.", open, step.event());
            }
        }
    }
}
