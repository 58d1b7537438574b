package dev.mediacollection.lint;

import dev.mediacollection.session.EventType;

/**
 * J2 {@code downloaded-not-ended}: a downloaded session whose last event is neither {@code sessionEnd} nor
 * {@code sessionComplete}. Adobe's SDKs end every downloaded session, adding a sessionEnd when it has none.
 */
final class DownloadedNotEnded extends Rule {

    DownloadedNotEnded() {
        super("downloaded-not-ended", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        LintEvent last = walk.last().event();
        if (walk.downloaded() && last.type() != EventType.SESSION_END
                && last.type() != EventType.SESSION_COMPLETE) {
            findings.add("This downloaded session ends with " + last.label() + ", not with sessionComplete or"
                    + " sessionEnd. End a downloaded session with sessionComplete (watched to the end) or sessionEnd,"
                    + " as Adobe's SDKs do.", last);
        }
    }
}
