package dev.mediacollection.lint;

import java.util.List;

/**
 * F3 {@code playhead-not-advancing} (recorded content) and G1 {@code live-playhead-not-advancing} (live): while
 * playing main content, three or more events in a row over at least 30 s report the same playhead. Adobe counts that
 * as a stall and leaves it out of content time; a live session is also closed after 30 minutes without movement.
 * One finding per session.
 */
final class PlayheadNotAdvancing extends Rule {

    static final int MIN_EVENTS = 3;
    static final long MIN_SPAN_MS = 30_000;

    private final boolean live;

    private record Run(LintEvent from, LintEvent to) {
    }

    private PlayheadNotAdvancing(String id, Severity severity, boolean live) {
        super(id, severity);
        this.live = live;
    }

    static PlayheadNotAdvancing recorded() {
        return new PlayheadNotAdvancing("playhead-not-advancing", Severity.WARNING, false);
    }

    static PlayheadNotAdvancing live() {
        return new PlayheadNotAdvancing("live-playhead-not-advancing", Severity.ERROR, true);
    }

    @Override
    void check(Walk walk, Findings findings) {
        if (walk.live() != live) {
            return;
        }
        List<Step> steps = walk.steps();
        Tally<Run> runs = new Tally<>();
        int i = 0;
        while (i < steps.size()) {
            int end = i;
            while (end + 1 < steps.size() && steps.get(end).after().playingContent()
                    && steps.get(end + 1).event().playhead() == steps.get(i).event().playhead()) {
                end++;
            }
            long span = steps.get(end).event().ts() - steps.get(i).event().ts();
            if (end - i + 1 >= MIN_EVENTS && span >= MIN_SPAN_MS) {
                runs.add(new Run(steps.get(i).event(), steps.get(end).event()), span);
            }
            i = end + 1;
        }
        if (runs.isEmpty()) {
            return;
        }
        LintEvent from = runs.first().from();
        LintEvent to = runs.first().to();
        String more = runs.count() == 1 ? "" : " (" + runs.count() + " such stretches in this session)";
        String stretch = " stayed at " + Wording.number(from.playhead()) + " from " + from.label() + " to "
                + to.label() + " (" + Wording.seconds(to.ts() - from.ts()) + ")" + more + ". ";
        findings.add(live
                ? "This live session was playing while its playhead" + stretch + "For live content the playhead is"
                        + " the current second of the day (UTC) and must move with the clock; a fixed playhead is"
                        + " counted as a stall, and Adobe closes the session after 30 minutes without movement."
                : "While playing, the playhead" + stretch + "Adobe counts that as a stall and leaves it out of"
                        + " content time; update the playhead on every event, and send bufferStart when the player"
                        + " really stalls.", from, to);
    }
}
