package dev.mediacollection.api;

import dev.mediacollection.support.ValidationProfiles;
import dev.mediacollection.validation.ValidationProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Issue 12's cases under {@code mc.validation.profile=adobe}. */
@QuarkusTest
@TestProfile(ValidationProfiles.Adobe.class)
class AdobeProfileTest extends ValidationProfileCases {

    @Override
    ValidationProfile profile() {
        return ValidationProfile.ADOBE;
    }
}
