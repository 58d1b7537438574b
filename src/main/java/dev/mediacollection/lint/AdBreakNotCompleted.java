package dev.mediacollection.lint;

import dev.mediacollection.session.EventType;

/**
 * D6 {@code ad-break-not-completed}: the session completes, ends, expires or (downloaded) runs out with an ad break
 * open. Adobe ignores the events of a break without adBreakComplete. An open ad at the end is part of this finding.
 */
final class AdBreakNotCompleted extends Rule {

    AdBreakNotCompleted() {
        super("ad-break-not-completed", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        LintEvent reported = null;
        for (Step step : walk.steps()) {
            EventType type = step.event().type();
            LintEvent open = step.before().adBreak();
            if ((type == EventType.SESSION_COMPLETE || type == EventType.SESSION_END) && open != null
                    && open != reported) {
                report(findings, open, step.event(), "before the session ended (" + step.event().label() + ")");
                reported = open;
            }
        }
        Step last = walk.last();
        LintEvent open = last.after().adBreak();
        if (walk.session().closed() && open != null && open != reported) {
            report(findings, open, last.event(), walk.downloaded()
                    ? "by the end of this downloaded session (" + last.event().label() + ")"
                    : "when the session expired after " + last.event().label());
        }
    }

    private static void report(Findings findings, LintEvent open, LintEvent end, String when) {
        findings.add("The ad break from " + open.label() + " was never completed " + when + ". Adobe ignores the"
                + " events of a break without adBreakComplete. When the viewer leaves during an ad, send adSkip and"
                + " adBreakComplete before sessionEnd, as Adobe's SDKs do.", open, end);
    }
}
