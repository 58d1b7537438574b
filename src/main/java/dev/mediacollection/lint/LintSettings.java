package dev.mediacollection.lint;

import java.util.Set;

/**
 * What a team chose about the rules.
 *
 * @param disabledRules   the ids of the rules never to apply
 * @param adPingInterval  how often ads must ping
 */
public record LintSettings(Set<String> disabledRules, AdPingInterval adPingInterval) {

    public static final LintSettings DEFAULTS = new LintSettings(Set.of(), AdPingInterval.AUTO);

    public LintSettings {
        disabledRules = Set.copyOf(disabledRules);
    }
}
