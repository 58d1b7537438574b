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

    @Test
    void resumeFlagMissingWhenASessionContinuesTheViewersEarlierOneOfTheSameContent() {
        String continuing = "sessionStart@0/312 play@0/312 ping@10/322 sessionEnd@11/323";
        LintFinding finding = breaks(continuing + " earlier=240/312", "resume-flag-missing", 0);

        assertThat(finding.message()).startsWith("This session continues session the-earlier-session (the same viewer"
                + " and media.id, 240.0 s after its last event, which was at playhead 312) without media.resume: true.");
        breaks(continuing + " earlier=1800/260", "resume-flag-missing", 0);
        passes("sessionStart@0/312[media.resume=true] play@0/312 ping@10/322 sessionEnd@11/323 earlier=240/312");
        passes(continuing + " earlier=1801/312");
        passes(continuing + " earlier=240/200");
        passes(continuing + " earlier=240/312/complete");
        passes(continuing);
        passes("sessionStart@0 play@0 ping@10/10 sessionEnd@11/11 earlier=240/20");
        passes("sessionStart@0 play@0 ping@10/10 sessionEnd@11/11 earlier=240/312");
    }
}
