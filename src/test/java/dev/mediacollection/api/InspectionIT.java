package dev.mediacollection.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class InspectionIT extends InspectionTest {
}
