package dev.mediacollection.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.LogCapture;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The access log, when switched on, tells what was asked and answered, and nothing a player sent. */
@QuarkusTest
@TestProfile(AccessLogTest.AccessLogOn.class)
class AccessLogTest {

    static final String ACCESS_LOG = "io.quarkus.http.access-log";
    static final String VISITOR_ID = "58986382543958298329043821732981739187";

    public static class AccessLogOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.access-log.enabled", "true");
        }
    }

    @Test
    void aRequestIsLoggedWithoutItsBodyOrVisitorId() {
        ObjectNode start = Spec.example("SessionStartSample");
        ((ObjectNode) start.get("params")).put("visitor.marketingCloudUserId", VISITOR_ID);

        try (LogCapture log = LogCapture.of(ACCESS_LOG)) {
            given().contentType(ContentType.JSON).body(start.toString())
                    .when().post(Api.SESSIONS + "?visitor=" + VISITOR_ID)
                    .then().statusCode(201);

            List<String> lines = await().atMost(Duration.ofSeconds(10))
                    .until(log::messages, messages -> messages.stream().anyMatch(line -> line.contains("POST")));
            String line = lines.stream().filter(logged -> logged.contains("POST")).findFirst().orElseThrow();
            assertThat(line).matches(".*\"POST /api/v1/sessions\" 201 0 \\d+ ms");
            assertThat(String.join("\n", lines))
                    .doesNotContain(VISITOR_ID)
                    .doesNotContain("marketingCloud")
                    .doesNotContain("playerTime");
        }
    }
}
