package dev.mediacollection.lint;

/**
 * A3 {@code arrived-after-reorder-window}: an event arrived more than 5 s, or 10 events or more, after one with a
 * later {@code ts}. Adobe buffers events that long before sorting them, so this one was processed out of order.
 * Online sessions only.
 */
final class ArrivedAfterReorderWindow extends Rule {

    ArrivedAfterReorderWindow() {
        super("arrived-after-reorder-window", Severity.ERROR);
    }

    @Override
    void check(Walk walk, Findings findings) {
        if (walk.downloaded()) {
            return;
        }
        for (Overtaking.Late late : Overtaking.in(walk.session())) {
            if (ArrivedOutOfOrder.beyondWindow(late)) {
                findings.add("Event " + late.event().label() + " arrived " + Wording.seconds(late.delayMs())
                        + " and " + late.arrivedBetween() + " events after " + late.overtakenBy().label()
                        + ", which has a later ts. Adobe buffers events for " + Wording.seconds(
                                ArrivedOutOfOrder.WINDOW_MS) + " or " + ArrivedOutOfOrder.WINDOW_EVENTS
                        + " events before sorting them by ts; this one was processed out of order.",
                        late.event(), late.overtakenBy());
            }
        }
    }
}
