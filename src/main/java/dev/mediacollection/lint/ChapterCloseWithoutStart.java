package dev.mediacollection.lint;

import dev.mediacollection.session.EventType;

/** E2 {@code chapter-close-without-start}: a {@code chapterComplete} or {@code chapterSkip} with no open chapter. */
final class ChapterCloseWithoutStart extends Rule {

    ChapterCloseWithoutStart() {
        super("chapter-close-without-start", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            EventType type = step.event().type();
            if ((type == EventType.CHAPTER_COMPLETE || type == EventType.CHAPTER_SKIP)
                    && step.before().chapter() == null) {
                findings.add(step.event().named() + " closes no chapter. Send chapterStart"
                        + " when a chapter begins.", step.event());
            }
        }
    }
}
