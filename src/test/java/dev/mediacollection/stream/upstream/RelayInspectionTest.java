package dev.mediacollection.stream.upstream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Scrape;
import dev.mediacollection.support.ScriptedUpstream;
import dev.mediacollection.support.ScriptedUpstream.Answer;
import dev.mediacollection.support.Spec;
import dev.mediacollection.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The relay as an operator sees it: each session's standing upstream in the read-back API (checked against the
 * contract), and the relay's attempts, refusals, failures and lag in the metrics. The service relays to a real HTTP
 * server in this JVM that answers as each test scripts it; the service's clock is the test's, so that a session held
 * back after a failure is tried again exactly when the test moves the clock.
 */
@QuarkusTest
@TestProfile(RelayInspectionTest.RelayingToAScriptedUpstream.class)
class RelayInspectionTest {

    static final long TS = 1_509_045_325_153L;
    /** The first wait after a failed attempt: the relay's poll interval. */
    static final Duration FIRST_RETRY = Duration.ofMillis(10);
    static final Duration PATIENCE = Duration.ofSeconds(20);

    public static class RelayingToAScriptedUpstream extends TestClock.Driven {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> settings = new HashMap<>(super.getConfigOverrides());
            settings.put("mc.relay.channels", "sample-channel,sports");
            settings.put("mc.relay.poll-interval", FIRST_RETRY.toMillis() + "MS");
            settings.put("mc.relay.max-backoff", "200MS");
            return settings;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScriptedUpstream.Resource.class));
        }
    }

    @Inject
    TestClock clock;

    @ScriptedUpstream.Injected
    ScriptedUpstream upstream;

    private static ObjectNode start(String mediaId, String channel) {
        ObjectNode start = Spec.example("SessionStartSample");
        start.with("params").put("media.id", mediaId).put("media.channel", channel);
        return start;
    }

    private static String open(String body) {
        return Api.idOf(given().contentType(ContentType.JSON).body(body).post(Api.SESSIONS)
                .then().statusCode(201).extract().header("Location"));
    }

    private static String track(String session, String eventType, double playhead, long ts) {
        String body = Api.event(eventType, playhead, ts).toString();
        Api.send(session, body).then().statusCode(204);
        return body;
    }

    private static JsonPath detail(String session) {
        return given().filter(Spec.respondsPerSpec()).get(Api.SESSIONS + "/" + session)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath upstreamOnceItIs(String session, String status) {
        return await().atMost(PATIENCE).until(() -> detail(session),
                detail -> status.equals(detail.getString("upstream.status")));
    }

    private static double attempts(Scrape metrics, String request, String outcome) {
        return metrics.value("mc_relay_upstream_requests_seconds_count", "request", request, "outcome", outcome);
    }

    @Test
    void aRelayedSessionShowsTheUpstreamsIdOfItAndTheUpstreamGotEveryRequestAsSent() {
        Scrape before = Scrape.now();
        String startBody = start("relayed", "sports").toPrettyString();
        String session = open(startBody);
        String play = track(session, "play", 0, TS);
        String end = track(session, "sessionEnd", 5, TS + 5_000);

        JsonPath relayed = upstreamOnceItIs(session, "relayed");

        String upstreamId = relayed.getString("upstream.upstreamId");
        assertThat(upstreamId).hasSize(64);
        assertThat(upstream.receivedFor(upstreamId)).extracting(ScriptedUpstream.Request::body)
                .containsExactly(startBody, play, end);
        assertThat(relayed.getInt("upstream.attempts")).isZero();
        assertThat(relayed.getString("upstream.lastFailure")).isNull();
        assertThat(relayed.getString("upstream.detail")).isNull();
        Scrape after = Scrape.now();
        assertThat(attempts(after, "sessionStart", "acknowledged") - attempts(before, "sessionStart", "acknowledged"))
                .isEqualTo(1);
        assertThat(attempts(after, "event", "acknowledged") - attempts(before, "event", "acknowledged"))
                .isEqualTo(2);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.'upstream.relaying'", org.hamcrest.Matchers.is(true));
    }

    @Test
    void anUpstreamRefusalIsShownWithTheSessionAsTheUpstreamAnsweredIt() {
        Scrape before = Scrape.now();
        String problem = "{\"title\":\"Bad Request\",\"detail\":\"media.id is refused\"}";
        upstream.script(request -> request.body().contains("refuse-me") ? Optional.of(Answer.status(400, problem))
                : Optional.empty());
        String session = open(start("refuse-me", "sports").toString());

        JsonPath refused = upstreamOnceItIs(session, "refused");

        assertThat(refused.getString("upstream.detail")).isEqualTo("upstream refused: 400, " + problem);
        assertThat(refused.getString("upstream.upstreamId")).isNull();
        track(session, "play", 0, TS);
        assertThat(detail(session).getString("upstream.status")).isEqualTo("refused");
        assertThat(attempts(Scrape.now(), "sessionStart", "refused") - attempts(before, "sessionStart", "refused"))
                .isEqualTo(1);
    }

    @Test
    void aSessionTheUpstreamFailsIsPendingWithItsAttemptsUntilItIsTriedAgainAtItsTime() {
        Scrape before = Scrape.now();
        String session = open(start("flaky", "sports").toString());
        String upstreamId = upstreamOnceItIs(session, "relayed").getString("upstream.upstreamId");
        upstream.script(request -> request.session().equals(Optional.of(upstreamId))
                ? Optional.of(Answer.status(503, "")) : Optional.empty());
        Instant failedAt = clock.instant();
        String ping = track(session, "ping", 10, TS + 10_000);

        JsonPath pending = await().atMost(PATIENCE).until(() -> detail(session),
                detail -> detail.getInt("upstream.attempts") == 1);

        assertThat(pending.getString("upstream.status")).isEqualTo("pending");
        assertThat(pending.getString("upstream.upstreamId")).isEqualTo(upstreamId);
        assertThat(pending.getString("upstream.lastFailure")).isEqualTo("upstream answered 503");
        assertThat(Instant.parse(pending.getString("upstream.nextAttemptAt"))).isEqualTo(failedAt.plus(FIRST_RETRY));
        assertThat(attempts(Scrape.now(), "event", "failed") - attempts(before, "event", "failed")).isEqualTo(1);

        upstream.script(request -> Optional.empty());
        clock.advance(FIRST_RETRY);
        JsonPath relayed = upstreamOnceItIs(session, "relayed");

        assertThat(relayed.getInt("upstream.attempts")).isZero();
        assertThat(upstream.receivedFor(upstreamId)).extracting(ScriptedUpstream.Request::body).endsWith(ping, ping);
    }

    @Test
    void aSessionOfAChannelNotRelayedIsExcludedAndSaysWhy() {
        Scrape before = Scrape.now();
        String session = open(start("other-channel", "news").toString());

        JsonPath excluded = upstreamOnceItIs(session, "excluded");

        assertThat(excluded.getString("upstream.detail"))
                .isEqualTo("media.channel \"news\" is not one of mc.relay.channels [sample-channel, sports]");
        assertThat(upstream.received()).noneMatch(request -> request.body().contains("other-channel"));
        assertThat(Scrape.now().value("mc_relay_upstream_sessions_excluded_total")
                - before.value("mc_relay_upstream_sessions_excluded_total")).isEqualTo(1);
    }

    @Test
    void whatWaitsForTheUpstreamAndHowLongIsInTheMetrics() {
        upstream.script(request -> request.body().contains("lagging") ? Optional.of(Answer.status(500, ""))
                : Optional.empty());
        String session = open(start("lagging", "sports").toString());
        await().atMost(PATIENCE).until(() -> detail(session).getInt("upstream.attempts") == 1);

        // The backlog is measured at most once a second of the service's clock.
        clock.advance(Duration.ofSeconds(3));
        await().atMost(PATIENCE).untilAsserted(() -> {
            Scrape metrics = Scrape.now();
            assertThat(metrics.value("mc_outbox_pending", "destination", "upstream")).isEqualTo(1);
            assertThat(metrics.value("mc_outbox_oldest_pending_seconds", "destination", "upstream")).isEqualTo(3);
        });

        upstream.script(request -> Optional.empty());
        // Past any wait the failures left (mc.relay.max-backoff).
        clock.advance(Duration.ofSeconds(1));
        upstreamOnceItIs(session, "relayed");
        // A second on for a measurement after the relay: one may have been taken at the advance above, before the
        // round that relayed, and the next is due a second of the service's clock later.
        clock.advance(Duration.ofSeconds(1));
        await().atMost(PATIENCE).untilAsserted(() -> {
            Scrape metrics = Scrape.now();
            assertThat(metrics.value("mc_outbox_pending", "destination", "upstream")).isZero();
            assertThat(metrics.value("mc_outbox_oldest_pending_seconds", "destination", "upstream")).isZero();
        });
    }
}
