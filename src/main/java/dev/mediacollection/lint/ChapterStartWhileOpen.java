package dev.mediacollection.lint;

import dev.mediacollection.session.EventType;

/**
 * E1 {@code chapter-start-while-open}: a {@code chapterStart} while a chapter is open. Chapters cannot overlap;
 * Adobe's SDKs send {@code chapterSkip} first.
 */
final class ChapterStartWhileOpen extends Rule {

    static final String CHAPTER_INDEX = "media.chapter.index";

    ChapterStartWhileOpen() {
        super("chapter-start-while-open", Severity.ERROR);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            LintEvent open = step.before().chapter();
            if (step.event().type() == EventType.CHAPTER_START && open != null) {
                findings.add(step.event().named() + chapter(step.event()) + " starts while the"
                        + " chapter started at #" + open.sequence() + chapter(open) + " is still open. Chapters cannot"
                        + " overlap: send chapterComplete or chapterSkip first.", open, step.event());
            }
        }
    }

    private static String chapter(LintEvent start) {
        return start.number(CHAPTER_INDEX).stream()
                .mapToObj(index -> " (chapter " + Wording.number(index) + ")").findFirst().orElse("");
    }
}
