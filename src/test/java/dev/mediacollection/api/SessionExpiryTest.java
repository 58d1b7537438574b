package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static dev.mediacollection.support.Api.event;
import static dev.mediacollection.support.Api.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.SessionState;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Sessions expire after a time without events or without playhead movement, with or without traffic. The timeouts
 * are configured short here (Adobe's are 10 and 30 minutes) so that the test takes seconds.
 */
@QuarkusTest
@TestProfile(SessionExpiryTest.ShortTimeouts.class)
class SessionExpiryTest {

    static final long TS = 1_509_045_325_153L;

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mc.sessions.idle-timeout", "2S",
                    "mc.sessions.stalled-timeout", "3S",
                    "mc.sessions.sweep-interval", "0.1S");
        }
    }

    @Inject
    SessionStore store;

    @Test
    void anEventAfterTheIdleTimeoutGets410() throws InterruptedException {
        String session = Api.openSession();
        send(session, event("play", 0, TS)).then().statusCode(204);

        Thread.sleep(2_300);
        Response refused = send(session, event("ping", 10, TS + 10_000));

        assertProblem(refused, 410, "/problems/session-closed");
        assertThat(refused.jsonPath().getString("detail")).contains("no event arrived within the idle timeout");
    }

    @Test
    void theSweepExpiresAnIdleSessionWithoutTraffic() {
        String session = Api.openSession();

        await().atMost(Duration.ofSeconds(8)).untilAsserted(() -> assertThat(lifecycle(session))
                .extracting(Lifecycle::state, Lifecycle::closeCause)
                .containsExactly(SessionState.EXPIRED, CloseCause.IDLE));
    }

    @Test
    void pingsWithAFrozenPlayheadDoNotKeepASessionAlive() {
        String session = Api.openSession();
        send(session, event("pauseStart", 0, TS)).then().statusCode(204);

        Response refused = await().pollInterval(Duration.ofMillis(300)).atMost(Duration.ofSeconds(8))
                .until(() -> send(session, event("ping", 0, TS)), response -> response.statusCode() != 204);

        assertProblem(refused, 410, "/problems/session-closed");
        assertThat(refused.jsonPath().getString("detail")).contains("playhead did not move");
        assertThat(lifecycle(session).closeCause()).isEqualTo(CloseCause.STALLED);
    }

    @Test
    void aMovingPlayheadKeepsTheSessionAlive() throws InterruptedException {
        String session = Api.openSession();
        // 4 seconds in all: past the stalled timeout, each ping well within the idle timeout.
        for (int i = 1; i <= 10; i++) {
            Thread.sleep(400);
            send(session, event("ping", i, TS + i * 400L)).then().statusCode(204);
        }
        assertThat(lifecycle(session).state()).isEqualTo(SessionState.OPEN);
    }

    private Lifecycle lifecycle(String session) {
        return store.find(session).toCompletableFuture().join().orElseThrow().session().lifecycle();
    }
}
