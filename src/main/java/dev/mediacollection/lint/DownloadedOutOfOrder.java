package dev.mediacollection.lint;

/**
 * J1 {@code downloaded-out-of-order}: in a downloaded session, an element stamped earlier than the element before
 * it. The implementation must store a downloaded session's events in the order they happened.
 */
final class DownloadedOutOfOrder extends Rule {

    DownloadedOutOfOrder() {
        super("downloaded-out-of-order", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        if (!walk.downloaded()) {
            return;
        }
        LintEvent previous = walk.session().start();
        for (LintEvent event : walk.session().events()) {
            if (event.ts() < previous.ts()) {
                findings.add("Element " + event.label() + " is stamped " + Wording.seconds(previous.ts() - event.ts())
                        + " earlier than the element before it, " + previous.label() + ". Store a downloaded"
                        + " session's events in the order they happened.", previous, event);
            }
            previous = event;
        }
    }
}
