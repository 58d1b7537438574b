package dev.mediacollection.lint;

import java.util.OptionalDouble;

import dev.mediacollection.session.EventType;

/**
 * D10 {@code ad-pod-position-order}: within one break, an ad whose {@code media.ad.podPosition} is not greater than
 * the previous ad's. Whether positions start at 0 or 1 is not checked: Adobe's pages say both.
 */
final class AdPodPositionOrder extends Rule {

    static final String POD_POSITION = "media.ad.podPosition";

    AdPodPositionOrder() {
        super("ad-pod-position-order", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            LintEvent previous = step.before().previousAdInBreak();
            if (step.event().type() != EventType.AD_START || previous == null) {
                continue;
            }
            OptionalDouble position = step.event().number(POD_POSITION);
            OptionalDouble previousPosition = previous.number(POD_POSITION);
            if (position.isPresent() && previousPosition.isPresent()
                    && position.getAsDouble() <= previousPosition.getAsDouble()) {
                String relation = position.getAsDouble() == previousPosition.getAsDouble() ? "like" : "after";
                findings.add(step.event().named() + " has podPosition "
                        + Wording.number(position.getAsDouble()) + ", " + relation + " the previous ad in this break ("
                        + previous.label() + ", podPosition " + Wording.number(previousPosition.getAsDouble())
                        + "). Number the ads of a break in order so that Ad in pod position reports them apart.",
                        previous, step.event());
            }
        }
    }
}
