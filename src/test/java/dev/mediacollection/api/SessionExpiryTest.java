package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static dev.mediacollection.support.Api.event;
import static dev.mediacollection.support.Api.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import dev.mediacollection.support.SweepNow;
import dev.mediacollection.support.TestClock;
import dev.mediacollection.tracking.ExpirySweep;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Sessions expire after Adobe's timeouts, 10 minutes without an event (idle) or 30 minutes without the playhead
 * moving (stalled), found by the session's next event or by the sweep, whichever comes first; either way the session
 * closed when its timeout ran out. The test drives the service's clock, so each timeout runs out at an instant the
 * test knows, and the test runs the sweep itself.
 */
@QuarkusTest
@TestProfile(SessionExpiryTest.DrivenTime.class)
class SessionExpiryTest {

    static final Duration IDLE = Duration.ofMinutes(10);
    static final Duration STALLED = Duration.ofMinutes(30);
    static final Duration ONE_MS = Duration.ofMillis(1);
    /** Players ping every 10 s; any interval under the idle timeout keeps a session from idling. */
    static final Duration PING_INTERVAL = Duration.ofMinutes(5);
    static final long TS = 1_509_045_325_153L;

    public static class DrivenTime extends TestClock.Driven {
    }

    @Inject
    TestClock clock;

    @Inject
    ExpirySweep expirySweep;

    @Test
    void anEventWithinTheIdleTimeoutIsTakenAndTheTimeoutStartsAgain() {
        String session = Api.openSession();

        clock.advance(IDLE.minus(ONE_MS));
        send(session, event("play", 0, TS)).then().statusCode(204);
        clock.advance(IDLE.minus(ONE_MS));
        send(session, event("ping", 0, TS + 10_000)).then().statusCode(204);

        assertThat(detail(session).getString("state")).isEqualTo("open");
    }

    @Test
    void anEventAtTheIdleTimeoutGets410AndTheSessionExpiredWhenItRanOut() {
        String session = Api.openSession();
        Instant lastEvent = clock.advance(Duration.ofSeconds(5));
        send(session, event("play", 0, TS)).then().statusCode(204);

        clock.advance(IDLE);
        Response refused = send(session, event("ping", 10, TS + 10_000));

        Instant ranOut = lastEvent.plus(IDLE);
        assertProblem(refused, 410, "/problems/session-closed");
        assertThat(refused.jsonPath().getString("detail")).isEqualTo("The session expired at " + ranOut
                + ": no event arrived within the idle timeout; open a new session.");
        assertExpired(session, "idle", ranOut);
    }

    @Test
    void theSweepExpiresAnIdleSessionWithoutTrafficWhenItsTimeoutHasRunOut() {
        Instant opened = clock.instant();
        String session = Api.openSession();

        clock.advance(IDLE.minus(ONE_MS));
        sweep();
        assertThat(detail(session).getString("state")).isEqualTo("open");

        clock.advance(ONE_MS);
        sweep();
        assertExpired(session, "idle", opened.plus(IDLE));
    }

    @Test
    void pingsWithAFrozenPlayheadDoNotKeepASessionAlive() {
        String session = Api.openSession();
        Instant lastMoved = clock.advance(Duration.ofMinutes(1));
        send(session, event("play", 60, TS + 60_000)).then().statusCode(204);
        send(session, event("pauseStart", 60, TS + 60_000)).then().statusCode(204);

        // Pings keep the session from idling; its playhead stands still.
        pingFrozenUntil(session, 60, lastMoved.plus(STALLED).minus(PING_INTERVAL));
        clock.advance(PING_INTERVAL);
        Response refused = send(session, event("ping", 60, TS));

        Instant ranOut = lastMoved.plus(STALLED);
        assertProblem(refused, 410, "/problems/session-closed");
        assertThat(refused.jsonPath().getString("detail")).isEqualTo("The session expired at " + ranOut
                + ": its playhead did not move within the stalled timeout; open a new session.");
        assertExpired(session, "stalled", ranOut);
    }

    @Test
    void theSweepExpiresAStalledSessionWhenItsTimeoutHasRunOut() {
        Instant opened = clock.instant();
        String session = Api.openSession();

        pingFrozenUntil(session, 0, opened.plus(STALLED).minus(ONE_MS));
        sweep();
        assertThat(detail(session).getString("state")).isEqualTo("open");

        clock.advance(ONE_MS);
        sweep();
        assertExpired(session, "stalled", opened.plus(STALLED));
    }

    @Test
    void aMovingPlayheadKeepsTheSessionAlivePastTheStalledTimeout() {
        Instant opened = clock.instant();
        String session = Api.openSession();

        long playhead = 0;
        while (clock.instant().isBefore(opened.plus(STALLED).plus(IDLE))) {
            clock.advance(PING_INTERVAL);
            playhead += PING_INTERVAL.toSeconds();
            send(session, event("ping", playhead, TS + playhead * 1_000)).then().statusCode(204);
        }
        sweep();

        assertThat(detail(session).getString("state")).isEqualTo("open");
    }

    /** Pings at this playhead every {@link #PING_INTERVAL}, the last one at {@code last}. */
    private void pingFrozenUntil(String session, double playhead, Instant last) {
        while (clock.instant().plus(PING_INTERVAL).isBefore(last)) {
            clock.advance(PING_INTERVAL);
            send(session, event("ping", playhead, TS)).then().statusCode(204);
        }
        clock.advance(Duration.between(clock.instant(), last));
        send(session, event("ping", playhead, TS)).then().statusCode(204);
    }

    private void sweep() {
        SweepNow.run(expirySweep);
    }

    private static JsonPath detail(String session) {
        return given().filter(Spec.respondsPerSpec()).when().get(Api.SESSIONS + "/" + session)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void assertExpired(String session, String cause, Instant closedAt) {
        JsonPath detail = detail(session);
        assertThat(detail.getString("state")).isEqualTo("expired");
        assertThat(detail.getString("closeCause")).isEqualTo(cause);
        assertThat(Instant.parse(detail.getString("closedAt"))).isEqualTo(closedAt);
    }
}
