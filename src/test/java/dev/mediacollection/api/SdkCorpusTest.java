package dev.mediacollection.api;

import java.util.Set;

import dev.mediacollection.validation.ValidationProfile;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The default profile, {@code lenient}, refuses no body of any Adobe SDK or of Adobe's documentation, and keeps each
 * exactly as sent (issue 12: never lose a real player's session).
 */
@QuarkusTest
class SdkCorpusTest extends SdkCorpusReplay {

    @Override
    ValidationProfile profile() {
        return ValidationProfile.LENIENT;
    }

    @Override
    Set<String> refused() {
        return Set.of();
    }
}
