package dev.mediacollection.api;

import java.util.Set;

import dev.mediacollection.support.ValidationProfiles;
import dev.mediacollection.validation.ValidationProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The {@code strict} profile answers the corpus as the service did before profiles existed
 * (/work/notes/sdk-corpus-report.md): 17 bodies and 3 sessions refused.
 */
@QuarkusTest
@TestProfile(ValidationProfiles.Strict.class)
class StrictSdkCorpusTest extends SdkCorpusReplay {

    @Override
    ValidationProfile profile() {
        return ValidationProfile.STRICT;
    }

    @Override
    Set<String> refused() {
        return Set.of(
                // sent without Content-Type (Media JS and Chromecast 3.0.1)
                "js3/sessionStart-3.0.1-no-content-type.json",
                "chromecast/sessionStart-3.0.1-no-content-type.json",
                "js3/sessions/pause-then-close-3.0.1/00-sessionStart.json",
                "chromecast/sessions/basic-3.0.1/00-sessionStart.json",
                // a negative playhead (iOS)
                "ios/play-negative-playhead.json",
                "ios/ping-negative-playhead.json",
                "ios/sessionStart-restart-negative-playhead-qoe.json",
                // a required param missing
                "ios/sessionStart-no-channel-no-playerName.json",
                "ios/sessions/custom-states-unconfigured/00-sessionStart.json",
                "adobe-docs/events-sessionStart-minimal.json",
                "adobe-docs/events-sessionStart-resume.json",
                "ios/adStart-no-playerName.json",
                "adobe-docs/events-adStart-podPosition0-no-playerName.json",
                // null for a typed key
                "android/sessionStart-null-trackingServer.json",
                // unknown keys: customMetadata on ordinary events, qoeData keys
                "adobe-docs/events-req-empty-objects-ping.json",
                "adobe-docs/events-req-empty-objects-play.json",
                "adobe-docs/T2-play-qoeData-bitrate-key.json",
                "adobe-docs/sessions-req-sample.json",
                // a QoE value that is not an integer
                "ios/downloaded-offline-test-fixture.json",
                "android/downloaded-ads-test-fixture.json");
    }
}
