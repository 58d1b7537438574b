package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A store that cannot take more answers 503 with Retry-After, never a 201 for a session it did not keep, and makes
 * the service not ready. The in-memory store, with room for three sessions, is the store that is easiest to fill.
 */
@QuarkusTest
@TestProfile(StoreFullTest.ThreeSessions.class)
class StoreFullTest {

    public static class ThreeSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mc.store.kind", "memory", "mc.store.memory.max-sessions", "3");
        }
    }

    @Test
    void sessionsBeyondCapacityAreRefusedWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            create().then().statusCode(201);
        }

        Response refused = create();

        assertProblem(refused, 503, "/problems/service-unavailable");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("Location")).isNull();
    }

    @Test
    void aFullStoreMakesTheServiceNotReady() {
        // Three sessions fill it, whatever the other test left.
        for (int i = 0; i < 3; i++) {
            create();
        }

        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'store' }.data.reason", containsString("full (3 sessions)"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static Response create() {
        return given().filter(Spec.respondsPerSpec())
                .contentType(ContentType.JSON).body(Spec.example("SessionStartSample").toString())
                .when().post("/api/v1/sessions");
    }
}
