package dev.mediacollection.lint;

import java.util.Locale;

/**
 * K1 {@code player-name-placeholder}: {@code media.playerName} is {@code unknown} (what Adobe's Android and JS SDKs
 * send when none is configured) or blank. Every such player collapses into one line of Adobe's Content player name
 * report, and of this service's per-player summary. An absent name is a request-level finding.
 */
final class PlayerNamePlaceholder extends Rule {

    static final String PLAYER_NAME = "media.playerName";

    PlayerNamePlaceholder() {
        super("player-name-placeholder", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        LintEvent start = walk.session().start();
        String name = start.text(PLAYER_NAME);
        if (name != null && (name.isBlank() || name.trim().toLowerCase(Locale.ROOT).equals("unknown"))) {
            findings.add("media.playerName is \"" + name + "\": " + (name.isBlank() ? "blank" : "the SDKs' default"
                    + " when no player name is configured") + ". All such players collapse into one line in Adobe's"
                    + " Content player name report; set a distinct name per player.", start);
        }
    }
}
