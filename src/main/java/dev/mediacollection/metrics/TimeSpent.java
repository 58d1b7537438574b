package dev.mediacollection.metrics;

/** Seconds of device time by what the player was doing, and the bitrate weighted by the time played with it. */
final class TimeSpent {

    private double content;
    private double chapter;
    private double ad;
    private double paused;
    private double buffering;
    private double bitrateSeconds;
    private double bitrateTimesSeconds;

    /**
     * @param bitrate the latest {@code media.qoe.bitrate} reported (bps), or {@code null} if none was yet
     */
    void add(Activity activity, double seconds, boolean inChapter, Long bitrate) {
        switch (activity) {
            case CONTENT -> {
                content += seconds;
                chapter += inChapter ? seconds : 0;
                played(seconds, bitrate);
            }
            case AD -> {
                ad += seconds;
                played(seconds, bitrate);
            }
            case PAUSED -> paused += seconds;
            case BUFFERING -> buffering += seconds;
            case NONE -> {
            }
        }
    }

    private void played(double seconds, Long bitrate) {
        if (bitrate != null) {
            bitrateSeconds += seconds;
            bitrateTimesSeconds += bitrate * seconds;
        }
    }

    void addAll(TimeSpent other) {
        content += other.content;
        chapter += other.chapter;
        ad += other.ad;
        paused += other.paused;
        buffering += other.buffering;
        bitrateSeconds += other.bitrateSeconds;
        bitrateTimesSeconds += other.bitrateTimesSeconds;
    }

    void clear() {
        content = chapter = ad = paused = buffering = bitrateSeconds = bitrateTimesSeconds = 0;
    }

    double content() {
        return content;
    }

    double chapter() {
        return chapter;
    }

    double ad() {
        return ad;
    }

    /** Content and ads. */
    double media() {
        return content + ad;
    }

    double paused() {
        return paused;
    }

    double buffering() {
        return buffering;
    }

    /** In kbps, or {@code null} when no bitrate was reported while playing. */
    Double averageBitrateKbps() {
        return bitrateSeconds > 0 ? bitrateTimesSeconds / bitrateSeconds / 1000 : null;
    }
}
