package dev.mediacollection.lint;

import dev.mediacollection.lint.PlayerView.Playback;
import dev.mediacollection.session.EventType;

/**
 * F1 {@code buffer-start-while-buffering}: a {@code bufferStart} while already buffering. Buffering ends with
 * {@code play}; a second bufferStart may be counted as a second buffer event.
 */
final class BufferStartWhileBuffering extends Rule {

    BufferStartWhileBuffering() {
        super("buffer-start-while-buffering", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            PlayerView before = step.before();
            if (step.event().type() == EventType.BUFFER_START && before.playback() == Playback.BUFFERING) {
                findings.add(step.event().named() + " while still buffering since "
                        + before.playbackSetBy().label() + ". Buffering ends with play; send one bufferStart per"
                        + " buffering period, or Buffer events may be counted twice.", before.playbackSetBy(),
                        step.event());
            }
        }
    }
}
