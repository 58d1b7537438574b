package dev.mediacollection.lint;

/**
 * A4 {@code ts-before-session-start}: an event stamped before its sessionStart. Adobe processes the sessionStart
 * first whatever its {@code ts}, so such an event is handled as if it came later. Online sessions only.
 */
final class TsBeforeSessionStart extends Rule {

    TsBeforeSessionStart() {
        super("ts-before-session-start", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        if (walk.downloaded()) {
            return;
        }
        LintEvent start = walk.session().start();
        for (LintEvent event : walk.session().events()) {
            if (event.ts() < start.ts()) {
                findings.add("Event " + event.label() + " has a ts " + Wording.seconds(start.ts() - event.ts())
                        + " before the sessionStart's. Adobe processes sessionStart first, so this event is handled"
                        + " as if it came later; stamp events with the time they happen, after the sessionStart.",
                        start, event);
            }
        }
    }
}
