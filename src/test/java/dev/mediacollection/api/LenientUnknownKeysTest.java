package dev.mediacollection.api;

import static dev.mediacollection.api.CreateSessionTest.assertViolations;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.api.body.ContractBodyReader;
import dev.mediacollection.session.Session;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.support.LogCapture;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * {@code mc.validation.unknown-keys=accept}: a production collector must not lose a session over a key Adobe adds
 * tomorrow. Unknown keys are accepted, kept as sent, and logged; every other rule still holds.
 */
@QuarkusTest
@TestProfile(LenientUnknownKeysTest.AcceptUnknownKeys.class)
class LenientUnknownKeysTest {

    public static class AcceptUnknownKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mc.validation.unknown-keys", "accept");
        }
    }

    @Inject
    SessionStore store;

    @Test
    void unknownKeysAreKeptAndLogged() throws Exception {
        ObjectNode body = Spec.example("SessionStartSample");
        body.put("futureTopLevel", 1);
        body.with("params").put("media.futureKey", "new in 2027");
        body.with("qoeData").put("media.qoe.futureMetric", 7);

        try (LogCapture log = LogCapture.of(ContractBodyReader.class)) {
            String location = given().contentType(ContentType.JSON).body(body.toString())
                    .when().post("/api/v1/sessions")
                    .then().statusCode(201).extract().header("Location");

            Session session = store.find(location.substring(location.lastIndexOf('/') + 1))
                    .toCompletableFuture().get().orElseThrow().session();
            JsonNode kept = Spec.JSON.readTree(session.start().body());
            assertThat(kept).isEqualTo(body);
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .contains("/futureTopLevel", "/params/media.futureKey", "/qoeData/media.qoe.futureMetric"));
        }
    }

    @Test
    void otherRulesStillHold() {
        ObjectNode body = Spec.example("SessionStartSample");
        body.with("params").put("media.futureKey", "fine").put("media.length", "60");

        assertViolations(given().contentType(ContentType.JSON).body(body.toString()).when().post("/api/v1/sessions"),
                "/params/media.length", "must be a number");
    }
}
