package dev.mediacollection.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged jar serves the file too (an additional-docs setup served an empty document only there). */
@QuarkusIntegrationTest
class PublishedContractIT extends PublishedContractTest {
}
