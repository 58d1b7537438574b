package dev.mediacollection.lint;

import static dev.mediacollection.lint.Lint.breaks;
import static dev.mediacollection.lint.Lint.passes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/lint.md, "Chapters": each rule on a session that breaks it and one that does not. */
class ChapterRulesTest {

    @Test
    void chapterStartWhileOpenIsOverlappingChapters() {
        LintFinding finding = breaks("sessionStart@0 play@0 chapterStart@0[idx=1] ping@10/10 ping@20/20"
                + " chapterStart@20/20[idx=2] ping@30/30 ping@40/40 chapterComplete@40/40 sessionEnd@40/40",
                "chapter-start-while-open", 2, 5);

        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message()).startsWith("chapterStart #5 (chapter 2) starts while the chapter started at"
                + " #2 (chapter 1) is still open.");
        passes("sessionStart@0 play@0 chapterStart@0[idx=1] ping@10/10 ping@20/20 chapterComplete@20/20"
                + " chapterStart@20/20[idx=2] ping@30/30 ping@40/40 chapterComplete@40/40 sessionEnd@40/40");
    }

    @Test
    void chapterCloseWithoutStartClosesNoChapter() {
        breaks("sessionStart@0 play@0 ping@10/10 ping@20/20 chapterComplete@20/20 ping@30/30 sessionEnd@31/31",
                "chapter-close-without-start", 4);
        breaks("sessionStart@0 play@0 ping@10/10 ping@20/20 chapterSkip@20/20 ping@30/30 sessionEnd@31/31",
                "chapter-close-without-start", 4);
        passes("sessionStart@0 play@0 chapterStart@0[idx=1] ping@10/10 ping@20/20 chapterComplete@20/20"
                + " ping@30/30 sessionEnd@31/31");
    }

    @Test
    void aChapterLeftOpenAtTheEndIsNoMistake() {
        passes("sessionStart@0 play@0 chapterStart@0[idx=1] ping@10/10 sessionEnd@12/12");
    }
}
