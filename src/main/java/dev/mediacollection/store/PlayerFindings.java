package dev.mediacollection.store;

import java.util.Comparator;
import java.util.List;

/**
 * One player's linted sessions and their findings.
 *
 * @param player               the player
 * @param sessions             its sessions the linter has read
 * @param sessionsWithFindings how many of them have a finding, of either level
 * @param rules                each rule they break, most sessions first, then by id
 */
public record PlayerFindings(SessionLint.Player player, long sessions, long sessionsWithFindings,
        List<RuleCount> rules) {

    /** Players by name, SDK version and library version; one left out comes after those given. */
    public static final Comparator<PlayerFindings> BY_PLAYER = Comparator.comparing(
            (PlayerFindings findings) -> findings.player().name(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(findings -> findings.player().sdkVersion(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(findings -> findings.player().libraryVersion(),
                    Comparator.nullsLast(Comparator.naturalOrder()));

    public PlayerFindings {
        rules = List.copyOf(rules);
    }

    /** How many findings of a rule, in how many sessions. */
    public record RuleCount(String rule, long findings, long sessions) {
    }

    /** Rules as a player's summary lists them: most sessions first, then by id. */
    public static List<RuleCount> ordered(List<RuleCount> rules) {
        return rules.stream().sorted(Comparator.comparingLong(RuleCount::sessions).reversed()
                .thenComparing(RuleCount::rule)).toList();
    }
}
