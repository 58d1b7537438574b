package dev.mediacollection.lint;

import dev.mediacollection.lint.PlayerView.Playback;

/**
 * B1 {@code ping-gap}: more than 11 s between heartbeats once playback began (10 s pings, with room for timer
 * jitter); 51 s for a downloaded session (Adobe's SDKs ping every 50 s offline). A stretch inside an ad of a session
 * that pings every second in ads is judged by {@code ad-ping-gap} instead. One finding per session.
 */
final class PingGap extends Rule {

    static final long ONLINE_LIMIT_MS = 11_000;
    static final long DOWNLOADED_LIMIT_MS = 51_000;

    PingGap() {
        super("ping-gap", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        long limit = walk.downloaded() ? DOWNLOADED_LIMIT_MS : ONLINE_LIMIT_MS;
        Tally<Heartbeats.Interval> gaps = new Tally<>();
        for (Heartbeats.Interval interval : Heartbeats.of(walk)) {
            boolean judgedAsAd = interval.from().after().inAd() && walk.granularAds();
            if (!judgedAsAd && interval.millis() > limit) {
                gaps.add(interval, interval.millis());
            }
        }
        if (gaps.isEmpty()) {
            return;
        }
        Heartbeats.Interval worst = gaps.worst();
        PlayerView during = worst.from().after();
        String cadence = walk.downloaded()
                ? "A downloaded session is recorded with a ping at least every 50 s (Adobe's SDKs offline)."
                : "Send a ping every 10 s whatever else you send: Adobe measures time between events, and a session"
                        + " with no event for 10 minutes is closed.";
        String paused = during.playback() == Playback.PAUSED && !walk.downloaded()
                ? " If the app went to the background, send sessionEnd after about a minute instead of going silent."
                : "";
        findings.add("No ping for " + Wording.seconds(worst.millis()) + " " + activity(during) + " ("
                + worst.describe() + "; " + Wording.count(gaps.count(), "gap") + " in this session). " + cadence
                + paused, worst.from().event(), worst.to().event(), gaps.first().from().event(),
                gaps.first().to().event());
    }

    private static String activity(PlayerView during) {
        if (during.inAd()) {
            return "during an ad";
        }
        if (during.inBreak()) {
            return "inside an ad break";
        }
        return switch (during.playback()) {
            case PLAYING -> "while playing content";
            case PAUSED -> "while paused";
            case BUFFERING -> "while buffering";
            case STARTING -> "before content started";
        };
    }
}
