package dev.mediacollection.api;

import dev.mediacollection.validation.ValidationProfile;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 12's cases under {@code mc.validation.profile=lenient} (the default). */
@QuarkusTest
class LenientProfileTest extends ValidationProfileCases {

    @Override
    ValidationProfile profile() {
        return ValidationProfile.LENIENT;
    }
}
