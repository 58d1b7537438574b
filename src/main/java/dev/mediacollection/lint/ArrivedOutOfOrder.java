package dev.mediacollection.lint;

/**
 * A2 {@code arrived-out-of-order}: an event arrived more than a second after one with a later {@code ts}, but
 * within Adobe's reorder window (5 s, fewer than 10 events in between). Adobe reorders within about a second only.
 * One finding per session, naming the first and the latest of them. Online sessions only.
 */
final class ArrivedOutOfOrder extends Rule {

    static final long TOLERATED_MS = 1_000;
    static final long WINDOW_MS = 5_000;
    static final int WINDOW_EVENTS = 10;

    ArrivedOutOfOrder() {
        super("arrived-out-of-order", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        if (walk.downloaded()) {
            return;
        }
        Tally<Overtaking.Late> tally = new Tally<>();
        for (Overtaking.Late late : Overtaking.in(walk.session())) {
            if (late.delayMs() > TOLERATED_MS && !beyondWindow(late)) {
                tally.add(late, late.delayMs());
            }
        }
        if (tally.isEmpty()) {
            return;
        }
        Overtaking.Late worst = tally.worst();
        String more = tally.count() == 1 ? "" : " (" + tally.count() + " events arrived late like this; the first was "
                + tally.first().event().label() + ")";
        findings.add("Event " + worst.event().label() + " arrived " + Wording.seconds(worst.delayMs()) + " after "
                + worst.overtakenBy().label() + ", which has a later ts" + more + ". Adobe reorders late events only"
                + " within about a second; send requests in order, or queue them and send them in ts order.",
                worst.event(), worst.overtakenBy(), tally.first().event(), tally.first().overtakenBy());
    }

    static boolean beyondWindow(Overtaking.Late late) {
        return late.delayMs() > WINDOW_MS || late.arrivedBetween() >= WINDOW_EVENTS;
    }
}
