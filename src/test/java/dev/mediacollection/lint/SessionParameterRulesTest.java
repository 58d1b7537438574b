package dev.mediacollection.lint;

import static dev.mediacollection.lint.Lint.breaks;
import static dev.mediacollection.lint.Lint.passes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/lint.md, "Session parameters": each rule on a session that breaks it and one that does not. */
class SessionParameterRulesTest {

    @Test
    void playerNamePlaceholderIsTheSdksDefaultName() {
        LintFinding finding = breaks("sessionStart@0[media.playerName=Unknown] play@0 ping@10/10 sessionEnd@11/11",
                "player-name-placeholder", 0);

        assertThat(finding.message()).startsWith("media.playerName is \"Unknown\": the SDKs' default when no player"
                + " name is configured.");
        breaks("sessionStart@0[media.playerName=] play@0 ping@10/10 sessionEnd@11/11", "player-name-placeholder", 0);
        passes("sessionStart@0[media.playerName=ios-news-app] play@0 ping@10/10 sessionEnd@11/11");
    }
}
