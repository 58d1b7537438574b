package dev.mediacollection.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged jar serves the page the build rendered. */
@QuarkusIntegrationTest
class ApiReferenceIT extends ApiReferenceTest {
}
