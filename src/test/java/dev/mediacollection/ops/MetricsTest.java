package dev.mediacollection.ops;

import static dev.mediacollection.support.Api.event;
import static dev.mediacollection.support.Api.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Scrape;
import dev.mediacollection.support.Spec;
import dev.mediacollection.support.SweepNow;
import dev.mediacollection.support.TestClock;
import dev.mediacollection.tracking.ExpirySweep;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Each of the service's metrics moves as requests, sessions, commits and sweeps happen, read the way Prometheus reads
 * them: from the text at /q/metrics. The test drives the service's clock and runs the expiry sweep itself, so that
 * sessions time out when the test says.
 */
@QuarkusTest
@TestProfile(MetricsTest.DrivenTime.class)
class MetricsTest {

    static final long TS = 1_509_045_325_153L;
    static final Duration IDLE = Duration.ofMinutes(10);
    static final Duration STALLED = Duration.ofMinutes(30);
    static final String REQUESTS = "mc_requests_seconds_count";
    static final String CLOSED = "mc_sessions_closed_total";
    static final String SWEEPS = "mc_expiry_sweep_seconds_count";
    static final String OPEN = "mc_sessions_open";

    public static class DrivenTime extends TestClock.Driven {
    }

    @Inject
    TestClock clock;

    @Inject
    ExpirySweep expirySweep;

    /** Every test starts with no session open: what an earlier test left has timed out and been swept. */
    @BeforeEach
    void nothingOpen() {
        clock.advance(IDLE);
        sweep();
        assertThat(Scrape.now().value(OPEN)).isZero();
    }

    @Test
    void requestsAreCountedByOperationStatusAndEventType() {
        Scrape before = Scrape.now();

        String session = Api.openSession();
        send(session, event("play", 0, TS)).then().statusCode(204);
        send(session, event("ping", 10, TS + 10_000)).then().statusCode(204);
        send(session, event("play", 10, TS + 10_500)).then().statusCode(204);
        send(session, "{\"eventType\":\"play\"}").then().statusCode(400);
        Scrape after = Scrape.now();

        assertThat(delta(before, after, REQUESTS, "operation", "createSession", "status", "201", "event_type", "none"))
                .isEqualTo(1);
        assertThat(delta(before, after, REQUESTS, "operation", "trackEvent", "status", "204", "event_type", "play"))
                .isEqualTo(2);
        assertThat(delta(before, after, REQUESTS, "operation", "trackEvent", "status", "204", "event_type", "ping"))
                .isEqualTo(1);
        assertThat(delta(before, after, REQUESTS, "operation", "trackEvent", "status", "400", "event_type", "none"))
                .isEqualTo(1);
        assertThat(delta(before, after, "mc_requests_seconds_sum",
                "operation", "trackEvent", "status", "204", "event_type", "play")).isPositive();
        assertThat(delta(before, after, "mc_rejections_total", "type", "schema-violation")).isEqualTo(1);
        assertThat(after.text()).as("no series names a session").doesNotContain(session);
    }

    @Test
    void aRequestRefusedBeforeRoutingIsCountedOnce() {
        Scrape before = Scrape.now();

        // Over the largest limit (a downloaded batch, 1M): refused on its Content-Length, before routing.
        given().contentType(ContentType.JSON).body("x".repeat(1_100 * 1024))
                .when().post(Api.SESSIONS)
                .then().statusCode(413);
        Scrape after = Scrape.now();

        assertThat(delta(before, after, REQUESTS, "operation", "createSession", "status", "413", "event_type", "none"))
                .isEqualTo(1);
        assertThat(delta(before, after, "mc_rejections_total", "type", "payload-too-large")).isEqualTo(1);
    }

    @Test
    void hostilePathsShareOneSeries() {
        String probe = "no-such-thing-" + System.nanoTime();
        Scrape before = Scrape.now();

        given().when().post(Api.SESSIONS + "/" + probe + "/" + probe).then().statusCode(404);
        given().when().get("/api/v1/" + probe).then().statusCode(404);
        Scrape after = Scrape.now();

        assertThat(delta(before, after, REQUESTS, "operation", "other", "status", "404", "event_type", "none"))
                .isEqualTo(2);
        assertThat(after.text()).doesNotContain(probe);
        assertThat(after.has("http_server_requests_seconds_count")).as("the built-in HTTP timer is off").isFalse();
    }

    @Test
    void sessionsClosedAreCountedByCause() {
        Scrape before = Scrape.now();

        String ended = Api.openSession();
        send(ended, event("sessionEnd", 0, TS)).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Spec.arrayExample("DownloadedSession").toString())
                .when().post(Api.DOWNLOADED).then().statusCode(201);
        Api.openSession();
        String stalled = Api.openSession();
        // Pings keep it from idling; the first at 30 minutes without playhead movement finds it stalled.
        for (int i = 0; i < 5; i++) {
            clock.advance(STALLED.dividedBy(6));
            send(stalled, event("ping", 0, TS)).then().statusCode(204);
        }
        clock.advance(STALLED.dividedBy(6));
        send(stalled, event("ping", 0, TS)).then().statusCode(410);
        // The other session has had no event for 30 minutes: the sweep finds it idle.
        sweep();
        Scrape after = Scrape.now();

        assertThat(delta(before, after, CLOSED, "cause", "session_end")).isEqualTo(1);
        assertThat(delta(before, after, CLOSED, "cause", "downloaded")).isEqualTo(1);
        assertThat(delta(before, after, CLOSED, "cause", "stalled")).isEqualTo(1);
        assertThat(delta(before, after, CLOSED, "cause", "idle")).isEqualTo(1);
    }

    @Test
    void theOpenSessionsGaugeFollowsTheSweeps() {
        String session = Api.openSession();
        assertThat(Scrape.now().value(OPEN)).as("before a sweep").isZero();
        sweep();
        assertThat(Scrape.now().value(OPEN)).isEqualTo(1);

        send(session, event("sessionEnd", 0, TS)).then().statusCode(204);
        assertThat(Scrape.now().value(OPEN)).as("before a sweep").isEqualTo(1);
        sweep();
        assertThat(Scrape.now().value(OPEN)).isZero();
    }

    @Test
    void commitsAndSweepsAreTimed() {
        Scrape before = Scrape.now();

        Api.openSession();
        sweep();

        // Opening a session is one write and a sweep another, each its own group. A write is acknowledged when it
        // is committed, a moment before the commit is timed: wait for that moment, not for a timeout.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Scrape after = Scrape.now();
            assertThat(delta(before, after, "mc_store_commit_seconds_count")).isEqualTo(2);
            assertThat(delta(before, after, "mc_store_commit_writes_sum")).isEqualTo(2);
            assertThat(delta(before, after, "mc_store_commit_seconds_bucket", "le", "+Inf")).isEqualTo(2);
        });
        Scrape after = Scrape.now();
        assertThat(delta(before, after, "mc_store_commit_seconds_sum")).isPositive();
        assertThat(delta(before, after, SWEEPS, "outcome", "success")).isEqualTo(1);
        assertThat(delta(before, after, SWEEPS, "outcome", "failure")).isZero();
        assertThat(after.value("mc_store_commit_failures_total")).isZero();
    }

    private void sweep() {
        SweepNow.run(expirySweep);
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
