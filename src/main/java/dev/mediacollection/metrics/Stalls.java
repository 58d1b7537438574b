package dev.mediacollection.metrics;

import dev.mediacollection.session.ReceivedEvent;

/**
 * Stalls: no playhead movement on main content for at least three consecutive events. Whether a run of events at
 * one playhead is a stall is known only when it ends, so the play time inside a run is held apart until then: a
 * stall's time is stall time, not time played; a run too short to be a stall is time played after all.
 */
final class Stalls {

    /** A stall is at least this many consecutive events, while playing content, that bring the same playhead. */
    static final int EVENTS = 3;
    /**
     * Events of a run count toward a stall only this far apart: players report the playhead in whole seconds, and a
     * {@code play} with the {@code chapterStart} and {@code stateStart} sent along with it is no frozen playhead.
     */
    static final long EVENT_SPACING_MS = 1_000;

    private final TimeSpent played;
    private final TimeSpent held = new TimeSpent();
    private final Spans spans;

    private boolean running;
    private double runPlayhead;
    private int runEvents;
    private long lastCountedTs;

    private int count;
    private double seconds;

    /**
     * @param played where time played goes once it is known not to be a stall
     * @param spans  told when a run ends whether it was a stall
     */
    Stalls(TimeSpent played, Spans spans) {
        this.played = played;
        this.spans = spans;
    }

    /**
     * Where the time up to {@code event} goes. An event that brings another playhead ends the run before it: the
     * stall, if it was one, lasted from the first to the last event that showed the frozen playhead.
     */
    TimeSpent ledgerUpTo(ReceivedEvent event) {
        if (running && event.playhead() != runPlayhead) {
            endRun();
        }
        return running ? held : played;
    }

    /** Whether time now goes to a run that may turn out to be a stall. */
    boolean holding() {
        return running;
    }

    /** After {@code event} has changed the player: it extends the run, ends it, or starts one. */
    void after(ReceivedEvent event, boolean playingContent) {
        if (running) {
            if (event.ts() - lastCountedTs >= EVENT_SPACING_MS) {
                runEvents++;
                lastCountedTs = event.ts();
            }
            if (!playingContent) {
                endRun();
            }
        } else if (playingContent) {
            running = true;
            runPlayhead = event.playhead();
            runEvents = 1;
            lastCountedTs = event.ts();
        }
    }

    /** No more events: a run still going ends at the last one. */
    void finish() {
        if (running) {
            endRun();
        }
    }

    private void endRun() {
        boolean stall = runEvents >= EVENTS;
        if (stall) {
            count++;
            seconds += held.content();
        } else {
            played.addAll(held);
        }
        held.clear();
        spans.runEnded(stall);
        running = false;
    }

    int count() {
        return count;
    }

    double seconds() {
        return seconds;
    }
}
