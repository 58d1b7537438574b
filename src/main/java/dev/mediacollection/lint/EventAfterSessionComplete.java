package dev.mediacollection.lint;

import java.util.EnumSet;
import java.util.Set;

import dev.mediacollection.lint.PlayerView.Phase;
import dev.mediacollection.session.EventType;

/**
 * C1 {@code event-after-session-complete}: playback, ad, chapter or QoE events after {@code sessionComplete}. The
 * content was reported complete; Adobe's SDKs take no call after it. A trailing ping, state change or sessionEnd is
 * fine ("any trailing events such as a final ping are still captured"). One finding per session.
 */
final class EventAfterSessionComplete extends Rule {

    private static final Set<EventType> TRAILING = EnumSet.of(EventType.PING, EventType.SESSION_END,
            EventType.STATE_START, EventType.STATE_END, EventType.STATES_UPDATE);

    EventAfterSessionComplete() {
        super("event-after-session-complete", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        LintEvent first = null;
        int count = 0;
        for (Step step : walk.steps()) {
            if (step.before().phase() == Phase.COMPLETE && !TRAILING.contains(step.event().type())) {
                first = first == null ? step.event() : first;
                count++;
            }
        }
        if (first == null) {
            return;
        }
        LintEvent complete = walk.last().after().sessionComplete();
        String more = count == 1 ? "" : " (" + count + " events in all)";
        findings.add("Event " + first.label() + " comes after " + complete.named() + more + ". The"
                + " content was already reported complete; playback after it is added to a finished view. Track"
                + " post-rolls before sessionComplete, and start a new session when the viewer watches again.",
                complete, first);
    }
}
