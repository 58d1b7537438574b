package dev.mediacollection.api;

import java.util.Set;

import dev.mediacollection.support.ValidationProfiles;
import dev.mediacollection.validation.ValidationProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The {@code adobe} profile refuses exactly the corpus bodies that Adobe's published schemas refuse, as
 * docs/adobe-validation.md §5 predicts (rules 12, 14, 20, 21 and 25 of its table), and keeps every other one.
 */
@QuarkusTest
@TestProfile(ValidationProfiles.Adobe.class)
class AdobeSdkCorpusTest extends SdkCorpusReplay {

    @Override
    ValidationProfile profile() {
        return ValidationProfile.ADOBE;
    }

    @Override
    Set<String> refused() {
        return Set.of(
                // 12: a required sessionStart param missing
                "ios/sessionStart-no-channel-no-playerName.json",
                "ios/sessions/custom-states-unconfigured/00-sessionStart.json",
                "adobe-docs/events-sessionStart-minimal.json",
                "adobe-docs/events-sessionStart-resume.json",
                // 14: null for a typed key
                "android/sessionStart-null-trackingServer.json",
                // 20: a qoeData key outside Adobe's schema
                "adobe-docs/T2-play-qoeData-bitrate-key.json",
                "adobe-docs/sessions-req-sample.json",
                // 21: a QoE value that is not an integer
                "ios/downloaded-offline-test-fixture.json",
                "android/downloaded-ads-test-fixture.json",
                // 25: a required adStart param missing
                "ios/adStart-no-playerName.json",
                "adobe-docs/events-adStart-podPosition0-no-playerName.json");
    }
}
