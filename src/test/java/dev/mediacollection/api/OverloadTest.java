package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.CORS_HEADERS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * More requests than the service will take at once: with room for four collection requests in flight and a commit
 * path slowed down for real (each group commit of the embedded store lingers a second for more writes), a burst of
 * forty is answered with 201s for what fits and {@code 503} problems with {@code Retry-After} for the rest, and the
 * service then serves again by itself.
 */
@QuarkusTest
@TestProfile(OverloadTest.FourInFlight.class)
class OverloadTest {

    static final int BURST = 40;

    public static class FourInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mc.limits.max-in-flight", "4", "mc.store.group-commit.max-delay", "1S");
        }
    }

    @Test
    void aBurstBeyondTheLimitIsShedWithRetryAfterAndTheServiceRecovers() throws Exception {
        List<HttpResponse<String>> answers = burst();

        List<HttpResponse<String>> created = answers.stream().filter(answer -> answer.statusCode() == 201).toList();
        List<HttpResponse<String>> shed = answers.stream().filter(answer -> answer.statusCode() == 503).toList();
        assertThat(created.size() + shed.size()).as("every answer is a 201 or a 503").isEqualTo(BURST);
        assertThat(created).as("what fits is served").hasSizeBetween(4, BURST - 1);
        assertThat(shed).as("the rest is shed").isNotEmpty();
        for (HttpResponse<String> refusal : shed) {
            assertThat(refusal.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(Integer.parseInt(refusal.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(refusal.headers().firstValue("Location")).isEmpty();
            CORS_HEADERS.forEach((name, value) -> assertThat(refusal.headers().allValues(name)).containsExactly(value));
            JsonNode problem = Spec.JSON.readTree(refusal.body());
            assertThat(problem.path("type").asText()).isEqualTo("/problems/service-unavailable");
            assertThat(problem.path("status").asInt()).isEqualTo(503);
        }

        for (int i = 0; i < 5; i++) {
            given().filter(Spec.respondsPerSpec())
                    .contentType(ContentType.JSON).body(Spec.example("SessionStartSample").toString())
                    .when().post(Api.SESSIONS)
                    .then().statusCode(201);
        }
    }

    /** Forty session starts, released together from forty threads. */
    private static List<HttpResponse<String>> burst() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + Api.SESSIONS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Spec.example("SessionStartSample").toString())).build();
        ExecutorService players = Executors.newFixedThreadPool(BURST);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, players));
        }
        go.countDown();
        List<HttpResponse<String>> results = answers.stream().map(CompletableFuture::join).toList();
        players.shutdown();
        return results;
    }
}
