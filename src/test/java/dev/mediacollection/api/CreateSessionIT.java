package dev.mediacollection.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same statements, against the packaged application. */
@QuarkusIntegrationTest
class CreateSessionIT extends CreateSessionTest {
}
