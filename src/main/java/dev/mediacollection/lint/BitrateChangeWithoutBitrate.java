package dev.mediacollection.lint;

import dev.mediacollection.session.EventType;

/**
 * I3 {@code bitrate-change-without-bitrate}: a {@code bitrateChange} carrying no {@code media.qoe.bitrate}, so
 * Average bitrate cannot follow the change.
 */
final class BitrateChangeWithoutBitrate extends Rule {

    static final String BITRATE = "media.qoe.bitrate";

    BitrateChangeWithoutBitrate() {
        super("bitrate-change-without-bitrate", Severity.WARNING);
    }

    @Override
    void check(Walk walk, Findings findings) {
        for (Step step : walk.steps()) {
            if (step.event().type() == EventType.BITRATE_CHANGE && !step.event().hasQoe(BITRATE)) {
                findings.add(step.event().named() + " carries no media.qoe.bitrate. Send the new"
                        + " bitrate with the event, or Average bitrate cannot reflect the change.", step.event());
            }
        }
    }
}
