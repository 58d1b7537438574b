package dev.mediacollection.lint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mediacollection.session.EventType;

/**
 * A1 {@code equal-ts}: two events whose order matters share a {@code ts}, so Adobe cannot tell which came first.
 * A ping, bitrate change or error sharing a {@code ts} changes nothing (no time lies between them), nor do state
 * events about different states. Not for downloaded sessions, whose array order is their order.
 */
final class EqualTs extends Rule {

    private static final Set<EventType> ORDER_SENSITIVE = EnumSet.of(EventType.SESSION_START, EventType.PLAY,
            EventType.PAUSE_START, EventType.BUFFER_START, EventType.AD_BREAK_START, EventType.AD_START,
            EventType.AD_COMPLETE, EventType.AD_SKIP, EventType.AD_BREAK_COMPLETE, EventType.CHAPTER_START,
            EventType.CHAPTER_COMPLETE, EventType.CHAPTER_SKIP, EventType.SESSION_COMPLETE, EventType.SESSION_END);
    private static final Set<EventType> STATE_EVENTS = EnumSet.of(EventType.STATE_START, EventType.STATE_END,
            EventType.STATES_UPDATE);

    EqualTs() {
        super("equal-ts", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        if (walk.downloaded()) {
            return;
        }
        List<List<LintEvent>> clashes = new ArrayList<>();
        List<Step> steps = walk.steps();
        int runStart = 0;
        for (int i = 1; i <= steps.size(); i++) {
            if (i == steps.size() || steps.get(i).event().ts() != steps.get(runStart).event().ts()) {
                List<LintEvent> clash = clashIn(steps.subList(runStart, i));
                if (clash.size() > 1) {
                    clashes.add(clash);
                }
                runStart = i;
            }
        }
        if (clashes.isEmpty()) {
            return;
        }
        List<LintEvent> first = clashes.get(0);
        String others = clashes.size() == 1 ? ""
                : " (" + (clashes.size() - 1) + " more group" + (clashes.size() == 2 ? "" : "s")
                        + " of events in this session share a ts)";
        findings.add("Events " + labels(first) + " have the same ts " + first.get(0).ts() + others + ". Adobe sorts"
                + " events by ts and cannot tell which came first; keep consecutive events at least 1 ms apart. Safe"
                + " only while requests are sent one after another and arrive in order.",
                first.toArray(LintEvent[]::new));
    }

    /** The events of one run of equal ts whose order matters. */
    private static List<LintEvent> clashIn(List<Step> run) {
        Map<String, Integer> stateMentions = new HashMap<>();
        for (Step step : run) {
            if (STATE_EVENTS.contains(step.event().type())) {
                stateNames(step.event()).forEach(name -> stateMentions.merge(name, 1, Integer::sum));
            }
        }
        List<LintEvent> clash = new ArrayList<>();
        for (Step step : run) {
            LintEvent event = step.event();
            if (ORDER_SENSITIVE.contains(event.type())
                    || STATE_EVENTS.contains(event.type())
                            && stateNames(event).stream().anyMatch(name -> stateMentions.get(name) > 1)) {
                clash.add(event);
            }
        }
        return clash;
    }

    private static List<String> stateNames(LintEvent event) {
        if (event.type() == EventType.STATES_UPDATE) {
            List<String> names = new ArrayList<>(Player.stateNames(Player.elements(event.params().path("statesEnd"))));
            names.addAll(Player.stateNames(Player.elements(event.params().path("statesStart"))));
            return names.stream().distinct().toList();
        }
        return Player.stateNames(List.of(event.params()));
    }

    private static String labels(List<LintEvent> events) {
        List<String> labels = events.stream().map(LintEvent::label).toList();
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }
}
