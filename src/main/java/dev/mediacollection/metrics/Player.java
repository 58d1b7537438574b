package dev.mediacollection.metrics;

import dev.mediacollection.session.EventType;

/**
 * The player as the events describe it (playing, paused or buffering; inside an ad break, an ad, a chapter), and
 * the metrics that count events by what the player was doing when they came.
 */
final class Player {

    private enum Playback {
        NOT_PLAYING, PLAYING, PAUSED, BUFFERING
    }

    private Playback playback = Playback.NOT_PLAYING;
    private Playback beforeBreak = Playback.NOT_PLAYING;
    private boolean inBreak;
    private boolean inAd;
    private boolean inChapter;

    private boolean contentStarted;
    private boolean contentCompleted;
    private int adStarts;
    private int adCompletes;
    private int chapterStarts;
    private int chapterCompletes;
    private int pauseEvents;
    private int bufferEvents;
    private int errorEvents;
    private int bitrateChanges;

    /**
     * {@code play}, {@code pauseStart} and {@code bufferStart} set the playback state; there is no resume or
     * buffer-end event, the next {@code play} ends a pause or buffering. After an ad break the player is back in the
     * state it had before it.
     */
    void apply(EventType type) {
        switch (type) {
            case PLAY -> {
                playback = Playback.PLAYING;
                contentStarted |= !inBreak;
            }
            case PAUSE_START -> {
                pauseEvents += playback == Playback.PAUSED ? 0 : 1;
                playback = Playback.PAUSED;
            }
            case BUFFER_START -> {
                bufferEvents += playback == Playback.BUFFERING ? 0 : 1;
                playback = Playback.BUFFERING;
            }
            case BITRATE_CHANGE -> bitrateChanges++;
            case ERROR -> errorEvents++;
            case AD_BREAK_START -> {
                if (!inBreak) {
                    inBreak = true;
                    beforeBreak = playback;
                }
            }
            case AD_START -> {
                // Without the break's bookends an ad is not tracked; its time counts as content.
                if (inBreak) {
                    adStarts++;
                    inAd = true;
                    playback = Playback.PLAYING;
                }
            }
            case AD_COMPLETE -> {
                adCompletes += inAd ? 1 : 0;
                inAd = false;
            }
            case AD_SKIP -> inAd = false;
            case AD_BREAK_COMPLETE -> {
                if (inBreak) {
                    inBreak = false;
                    inAd = false;
                    playback = beforeBreak;
                }
            }
            case CHAPTER_START -> {
                chapterStarts++;
                inChapter = true;
            }
            case CHAPTER_COMPLETE -> {
                chapterCompletes += inChapter ? 1 : 0;
                inChapter = false;
            }
            case CHAPTER_SKIP -> inChapter = false;
            case SESSION_COMPLETE -> {
                contentCompleted = true;
                playback = Playback.NOT_PLAYING;
            }
            case SESSION_END -> playback = Playback.NOT_PLAYING;
            case SESSION_START, PING, STATE_START, STATE_END, STATES_UPDATE -> {
            }
        }
    }

    /** What the time until the next event counts toward. Inside an ad break only ads count; between them, nothing. */
    Activity activity() {
        if (inBreak && !inAd) {
            return Activity.NONE;
        }
        return switch (playback) {
            case PLAYING -> inAd ? Activity.AD : Activity.CONTENT;
            case PAUSED -> Activity.PAUSED;
            case BUFFERING -> Activity.BUFFERING;
            case NOT_PLAYING -> Activity.NONE;
        };
    }

    boolean inBreak() {
        return inBreak;
    }

    boolean inChapter() {
        return inChapter;
    }

    /** A {@code play} arrived outside an ad break. */
    boolean contentStarted() {
        return contentStarted;
    }

    boolean contentCompleted() {
        return contentCompleted;
    }

    int adStarts() {
        return adStarts;
    }

    int adCompletes() {
        return adCompletes;
    }

    int chapterStarts() {
        return chapterStarts;
    }

    int chapterCompletes() {
        return chapterCompletes;
    }

    int pauseEvents() {
        return pauseEvents;
    }

    int bufferEvents() {
        return bufferEvents;
    }

    int errorEvents() {
        return errorEvents;
    }

    int bitrateChanges() {
        return bitrateChanges;
    }
}
