package dev.mediacollection.lint;

import static dev.mediacollection.lint.Lint.breaks;
import static dev.mediacollection.lint.Lint.passes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/lint.md, "Quality of experience": each rule on a session that breaks it and one that does not. */
class QualityRulesTest {

    @Test
    void timeToStartChangedIsANewValueAfterContentStarted() {
        LintFinding finding = breaks("sessionStart@0{timeToStart=1200} play@1.2 ping@11.2/10{timeToStart=1500}"
                + " sessionEnd@12/10.8", "time-to-start-changed", 0, 2);

        assertThat(finding.message()).startsWith("timeToStart changed from 1200 to 1500 ms at #2 (ping), after"
                + " content started playing at #1 (play).");
        passes("sessionStart@0{timeToStart=1200} play@1.2{timeToStart=1200} ping@11.2/10 sessionEnd@12/10.8");
    }

    @Test
    void timeToStartMayBeSetUntilTheFirstPlayAndReadFromParams() {
        passes("sessionStart@0{timeToStart=0} play@1.2{timeToStart=1200} ping@11.2/10 sessionEnd@12/10.8");
        breaks("sessionStart@0 play@1.2[media.qoe.timeToStart=1200] ping@11.2/10[media.qoe.timeToStart=1500]"
                + " sessionEnd@12/10.8", "time-to-start-changed", 1, 2);
    }

    @Test
    void droppedFramesDecreasedIsATotalGoingDown() {
        breaks("sessionStart@0 play@0 bitrateChange@5/5{bitrate=3200,droppedFrames=12} ping@10/10{droppedFrames=0}"
                + " sessionEnd@11/11", "dropped-frames-decreased", 2, 3);
        passes("sessionStart@0 play@0 bitrateChange@5/5{bitrate=3200,droppedFrames=12}"
                + " ping@10/10{droppedFrames=15} sessionEnd@11/11");
    }

    @Test
    void bitrateChangeWithoutBitrateCarriesNoBitrate() {
        breaks("sessionStart@0 play@0 bitrateChange@5/5 ping@10/10 sessionEnd@11/11",
                "bitrate-change-without-bitrate", 2);
        passes("sessionStart@0 play@0 bitrateChange@5/5{bitrate=3200} ping@10/10 sessionEnd@11/11");
        passes("sessionStart@0 play@0 bitrateChange@5/5[media.qoe.bitrate=3200] ping@10/10 sessionEnd@11/11");
    }
}
