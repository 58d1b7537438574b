package dev.mediacollection.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged jar serves its pages from the classpath with the same headers. */
@QuarkusIntegrationTest
class PageCachingIT extends PageCachingTest {
}
