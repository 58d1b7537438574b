package dev.mediacollection.lint;

/**
 * B2 {@code ad-ping-gap}: in a session whose ads ping every second (granular ad tracking), more than 2 s between
 * heartbeats inside an ad. One finding per session.
 */
final class AdPingGap extends Rule {

    static final long LIMIT_MS = 2_000;

    AdPingGap() {
        super("ad-ping-gap", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        if (!walk.granularAds()) {
            return;
        }
        Tally<Heartbeats.Interval> gaps = new Tally<>();
        for (Heartbeats.Interval interval : Heartbeats.of(walk)) {
            if (interval.from().after().inAd() && interval.millis() > LIMIT_MS) {
                gaps.add(interval, interval.millis());
            }
        }
        if (gaps.isEmpty()) {
            return;
        }
        Heartbeats.Interval worst = gaps.worst();
        LintEvent ad = worst.from().after().ad();
        String why = switch (walk.settings().adPingInterval()) {
            case ONE_SECOND -> "Ads ping every second here (mc.lint.ad-ping-interval=1s)";
            default -> "This session pings every second in ads (granular ad tracking)";
        };
        findings.add(why + ", but the ad started at " + ad.label() + " went " + Wording.seconds(worst.millis())
                + " without a ping (" + worst.describe() + "; " + Wording.count(gaps.count(), "gap")
                + " in this session). Keep pinging every second until adComplete or adSkip; ad time is measured"
                + " between these events.", worst.from().event(), worst.to().event(),
                gaps.first().from().event(), gaps.first().to().event());
    }
}
