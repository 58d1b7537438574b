package dev.mediacollection.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.NetworkNamespace;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Without {@code mc.inspection.token}, what players sent (visitor and user ids) is read only from this machine: a
 * client on another host — a network namespace this test makes, joined by a veth pair — gets a {@code 401} problem
 * naming the setting from every operation the contract secures and from the inspector, while the collection
 * endpoints, which face the players, answer it as usual.
 */
@QuarkusTest
@TestProfile(LoopbackOnlyInspectionTest.ListeningEverywhere.class)
@Tag("netns")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoopbackOnlyInspectionTest {

    /** The service listens on every interface, as it does in production, so the other host can reach it. */
    public static class ListeningEverywhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.host", "0.0.0.0");
        }
    }

    private NetworkNamespace otherHost;

    @BeforeAll
    void makeAnotherHost() {
        otherHost = NetworkNamespace.create();
    }

    @AfterAll
    void removeIt() {
        if (otherHost != null) {
            otherHost.close();
        }
    }

    @Test
    void everySecuredReadIsRefusedToAnotherHostWithAProblemNamingTheSetting() {
        List<String> paths = securedReads(Api.openSession());
        assertThat(paths).isNotEmpty();
        for (String path : paths) {
            NetworkNamespace.HttpAnswer answer = fromOtherHost("GET", path, null);

            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.header("content-type")).as(path).startsWith("application/problem+json");
            assertThat(answer.header("www-authenticate")).as(path).isEqualTo("Bearer");
            JsonNode problem = answer.json();
            assertThat(problem.path("type").asText()).isEqualTo("/problems/unauthorized");
            assertThat(problem.path("detail").asText()).contains("mc.inspection.token", "MC_INSPECTION_TOKEN",
                    "loopback");
        }
    }

    @Test
    void theSameReadsAnswerThisMachine() {
        for (String path : securedReads(Api.openSession())) {
            given().when().get(path).then().statusCode(200);
        }
    }

    @Test
    void theInspectorIsNotServedToAnotherHost() {
        NetworkNamespace.HttpAnswer answer = fromOtherHost("GET", "/inspector/", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().path("detail").asText()).contains("mc.inspection.token");
        assertThat(fromOtherHost("GET", "/inspector/inspector.js", null).status()).isEqualTo(401);
        given().when().get("/inspector/").then().statusCode(200);
    }

    @Test
    void playersOnAnotherHostStillCollect() {
        NetworkNamespace.HttpAnswer opened = fromOtherHost("POST", Api.SESSIONS, Spec.example("SessionStartSample").toString());
        assertThat(opened.status()).isEqualTo(201);
        String session = Api.idOf(opened.header("location"));

        NetworkNamespace.HttpAnswer event = fromOtherHost("POST", Api.eventsPath(session), Api.event("play", 0, 1).toString());
        assertThat(event.status()).isEqualTo(204);
    }

    /** Every GET the contract secures, with a real session id in its path. */
    static List<String> securedReads(String sessionId) {
        List<String> paths = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = Spec.document().path("paths").fields();
                entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode get = entry.getValue().path("get");
            if (!get.path("security").isEmpty()) {
                paths.add(entry.getKey().replace("{sessionId}", sessionId));
            }
        }
        return paths;
    }

    private NetworkNamespace.HttpAnswer fromOtherHost(String method, String path, String jsonBody) {
        return otherHost.http(method, "http://" + otherHost.hostAddress() + ":" + RestAssured.port + path,
                jsonBody);
    }
}
