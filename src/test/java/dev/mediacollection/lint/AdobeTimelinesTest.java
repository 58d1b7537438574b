package dev.mediacollection.lint;

import static dev.mediacollection.lint.Lint.pingsEverySecond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Adobe's own timelines (AdobeDocs/media-analytics.en@85492fe, {@code mc-api-timelines/mc-api-timeline-{1,2,3}.md}):
 * each action at {@code T0 + its second}, 1 ms apart within a second, with the table's playhead. The timelines leave
 * out most of the one-second pings they ask for inside ads ("Subsequent ads in the timeline will skip showing the
 * series of one-second pings"); "expanded" puts them back. Expanded, each timeline breaks only rules it really
 * breaks, as Adobe's own pages state those rules; each is named below with why.
 */
class AdobeTimelinesTest {

    private static final String START = "sessionStart@0[media.length=60.3333333333333,media.contentType=VOD,"
            + "media.playerName=sample-html5-api-player]";

    private static final String T1_LITERAL = START + " adBreakStart@0 adStart@0[pos=1] ping@1 ping@2 ping@3"
            + " adComplete@15 adStart@15[pos=1] ping@20 adComplete@22 adBreakComplete@22 play@22 ping@30/8"
            + " bufferStart@33/11 play@36/11 ping@40/15 adBreakStart@46/21 adStart@46/21[pos=2] ping@50/21"
            + " adComplete@54/21 adBreakComplete@54/21 ping@60/27 pauseStart@64/31 ping@70/31 play@74/31 ping@80/37"
            + " sessionComplete@88/45";
    private static final String T1_EXPANDED = START + " adBreakStart@0 adStart@0[pos=1]" + pingsEverySecond(1, 14, 0)
            + " adComplete@15 adStart@15[pos=1]" + pingsEverySecond(16, 21, 0) + " adComplete@22 adBreakComplete@22"
            + " play@22 ping@30/8 bufferStart@33/11 play@36/11 ping@40/15 adBreakStart@46/21 adStart@46/21[pos=2]"
            + pingsEverySecond(47, 53, 21) + " adComplete@54/21 adBreakComplete@54/21 ping@60/27 pauseStart@64/31"
            + " ping@70/31 play@74/31 ping@80/37 sessionComplete@88/45";

    private static final String T2_LITERAL = START + " adBreakStart@0 adStart@0[pos=1] ping@1 adComplete@12"
            + " adBreakComplete@12 play@12 ping@20/8 ping@30/18 error@32/20 play@37/20 ping@40/28 adBreakStart@45/33"
            + " adStart@45/33[pos=1] sessionEnd@48/33";
    private static final String T2_EXPANDED = START + " adBreakStart@0 adStart@0[pos=1]" + pingsEverySecond(1, 11, 0)
            + " adComplete@12 adBreakComplete@12 play@12 ping@20/8 ping@30/18 error@32/20 play@37/20 ping@40/28"
            + " adBreakStart@45/33 adStart@45/33[pos=1]" + pingsEverySecond(46, 47, 33) + " sessionEnd@48/33";

    private static final String T3_LITERAL = START + " adBreakStart@0 adStart@0[pos=1] ping@10 adComplete@15"
            + " adStart@15[pos=1] ping@16 adComplete@22 adBreakComplete@22 play@22 chapterStart@23/1[idx=1] ping@30/8"
            + " bufferStart@33/11 play@36/11 ping@40/15 chapterComplete@45/20 adBreakStart@46/21 adStart@46/21[pos=2]"
            + " ping@47/21 adComplete@54/21 adBreakComplete@54/21 chapterStart@55/22[idx=2] ping@60/27"
            + " pauseStart@64/31 ping@70/31 play@74/31 ping@80/37 chapterComplete@87/44 sessionComplete@88/45";
    private static final String T3_EXPANDED = START + " adBreakStart@0 adStart@0[pos=1]" + pingsEverySecond(1, 14, 0)
            + " adComplete@15 adStart@15[pos=1]" + pingsEverySecond(16, 21, 0) + " adComplete@22 adBreakComplete@22"
            + " play@22 chapterStart@23/1[idx=1] ping@30/8 bufferStart@33/11 play@36/11 ping@40/15"
            + " chapterComplete@45/20 adBreakStart@46/21 adStart@46/21[pos=2]" + pingsEverySecond(47, 53, 21)
            + " adComplete@54/21 adBreakComplete@54/21 chapterStart@55/22[idx=2] ping@60/27 pauseStart@64/31"
            + " ping@70/31 play@74/31 ping@80/37 chapterComplete@87/44 sessionComplete@88/45";

    @Test
    void timeline1BreaksPodPositionOrderAndNoPlayAfterItsMidRoll() {
        // Action 7 gives the second pre-roll ad podPosition 1 again, like the first (Action 4); the mid-roll ends
        // with adBreakComplete (Action 20) and the content goes on at Action 21 (a ping 6 s further) without the
        // play that Action 11 says to send after every adBreakComplete.
        assertThat(findings(T1_EXPANDED)).containsExactly(
                tuple("ad-pod-position-order", List.of(2L, 18L)),
                tuple("no-play-after-ad-break", List.of(42L, 43L)));
    }

    @Test
    void timeline1AsPrintedAlsoLeavesOutTheOneSecondAdPings() {
        // Its first ad pings at 1, 2 and 3 s (every second, as it says), then nothing until adComplete at 15 s.
        assertThat(findings(T1_LITERAL)).containsExactly(
                tuple("ad-pod-position-order", List.of(2L, 7L)),
                tuple("ad-ping-gap", List.of(5L, 6L)),
                tuple("no-play-after-ad-break", List.of(20L, 21L)));
    }

    @Test
    void timeline2BreaksAdBreakNotCompletedWhenTheViewerLeavesInTheMidRoll() {
        // Action 16 sends sessionEnd inside the mid-roll (Actions 14 and 15), without adSkip and adBreakComplete:
        // Adobe ignores the events of that break.
        assertThat(findings(T2_EXPANDED)).containsExactly(tuple("ad-break-not-completed", List.of(22L, 26L)));
        assertThat(findings(T2_LITERAL)).containsExactly(tuple("ad-break-not-completed", List.of(12L, 14L)));
    }

    @Test
    void timeline3BreaksPodPositionOrderAndNoPlayAfterItsMidRoll() {
        // As timeline 1: Action 7 repeats podPosition 1; after the mid-roll's adBreakComplete (Action 22) come
        // chapterStart (Action 23) and a ping 6 s further (Action 24), without a play.
        assertThat(findings(T3_EXPANDED)).containsExactly(
                tuple("ad-pod-position-order", List.of(2L, 18L)),
                tuple("no-play-after-ad-break", List.of(44L, 46L)));
        assertThat(findings(T3_LITERAL)).containsExactly(
                tuple("ad-pod-position-order", List.of(2L, 5L)),
                tuple("no-play-after-ad-break", List.of(20L, 22L)));
    }

    private static List<org.assertj.core.groups.Tuple> findings(String script) {
        return Lint.findings(script).stream().map(finding -> tuple(finding.rule(), finding.events())).toList();
    }
}
