package dev.mediacollection.api;

import dev.mediacollection.support.ValidationProfiles;
import dev.mediacollection.validation.ValidationProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The server and the reduced contract agree under {@code mc.validation.profile=strict}. */
@QuarkusTest
@TestProfile(ValidationProfiles.Strict.class)
class StrictContractAgreementTest extends ContractAgreementTest {

    @Override
    ValidationProfile profile() {
        return ValidationProfile.STRICT;
    }
}
