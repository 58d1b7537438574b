package dev.mediacollection.lint;

import dev.mediacollection.session.EventType;

/** D2 {@code ad-close-without-ad}: an {@code adComplete} or {@code adSkip} with no open ad. */
final class AdCloseWithoutAd extends Rule {

    AdCloseWithoutAd() {
        super("ad-close-without-ad", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            EventType type = step.event().type();
            if ((type == EventType.AD_COMPLETE || type == EventType.AD_SKIP) && !step.before().inAd()) {
                LintEvent closed = step.before().lastAdClose();
                String why = closed == null ? "no adStart came before it"
                        : "the last ad was already closed by " + closed.label();
                findings.add(step.event().named() + " closes no ad: " + why + ". Send"
                        + " exactly one adComplete or adSkip per adStart.", step.event(), closed);
            }
        }
    }
}
