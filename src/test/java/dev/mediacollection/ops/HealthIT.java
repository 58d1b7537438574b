package dev.mediacollection.ops;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same, against the packaged application. */
@QuarkusIntegrationTest
class HealthIT extends HealthTest {
}
