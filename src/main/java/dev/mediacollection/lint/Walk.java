package dev.mediacollection.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.mediacollection.session.EventType;

/**
 * A session in Adobe's processing order, each event with the player before and after it: what every rule reads.
 * Adobe processes the sessionStart first and sorts the other events by {@code ts}; the order they arrived in breaks
 * ties (docs/lint.md, "How a session is read").
 */
final class Walk {

    static final long GRANULAR_PING_MS = 1_500;

    private static final Comparator<LintEvent> PROCESSING_ORDER = Comparator
            .comparing((LintEvent event) -> event.type() != EventType.SESSION_START)
            .thenComparingLong(LintEvent::ts)
            .thenComparingLong(LintEvent::sequence);

    private final LintSession session;
    private final LintSettings settings;
    private final List<Step> steps;
    private Boolean granularAds;

    Walk(LintSession session, LintSettings settings) {
        this.session = session;
        this.settings = settings;
        List<LintEvent> ordered = new ArrayList<>(session.events().size() + 1);
        ordered.add(session.start());
        ordered.addAll(session.events());
        ordered.sort(PROCESSING_ORDER);
        Player player = new Player();
        List<Step> walked = new ArrayList<>(ordered.size());
        for (LintEvent event : ordered) {
            PlayerView before = player.view();
            walked.add(new Step(walked.size(), event, before, player.apply(event)));
        }
        this.steps = List.copyOf(walked);
    }

    LintSession session() {
        return session;
    }

    LintSettings settings() {
        return settings;
    }

    /** Every event, the sessionStart first, in processing order. */
    List<Step> steps() {
        return steps;
    }

    Step last() {
        return steps.get(steps.size() - 1);
    }

    boolean live() {
        return session.live();
    }

    boolean downloaded() {
        return session.downloaded();
    }

    /**
     * Whether ads must ping every second: configured so, or, by default, when the session shows it does (two pings
     * of one ad at most {@value #GRANULAR_PING_MS} ms apart: only a one-second timer does that). The wire carries no
     * flag for it; Adobe's SDKs keep their granular ad tracking setting to themselves.
     */
    boolean granularAds() {
        if (granularAds == null) {
            granularAds = switch (settings.adPingInterval()) {
                case ONE_SECOND -> true;
                case TEN_SECONDS -> false;
                case AUTO -> pingsEverySecondInAnAd();
            };
        }
        return granularAds;
    }

    private boolean pingsEverySecondInAnAd() {
        Step previousPing = null;
        for (Step step : steps) {
            if (step.event().type() != EventType.PING || !step.before().inAd()) {
                continue;
            }
            if (previousPing != null && previousPing.before().ad() == step.before().ad()
                    && step.event().ts() - previousPing.event().ts() <= GRANULAR_PING_MS) {
                return true;
            }
            previousPing = step;
        }
        return false;
    }
}
