package dev.mediacollection.api;

import static dev.mediacollection.support.Api.event;
import static dev.mediacollection.support.Api.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Scrape;
import dev.mediacollection.support.Spec;
import dev.mediacollection.support.SweepNow;
import dev.mediacollection.support.TestClock;
import dev.mediacollection.tracking.ExpirySweep;
import dev.mediacollection.tracking.SessionLinting;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Session-level findings (docs/lint.md) where people look: every request of a session that breaks a rule is
 * accepted as usual, and the session's findings, found in the background, are read back with the session, listed
 * with the requests' own findings, summed up per player and counted in the metrics. The test runs the background
 * check itself ({@link SessionLinting#run()}), as it runs the expiry sweep.
 */
@QuarkusTest
@TestProfile(SessionFindingsTest.Linting.class)
class SessionFindingsTest {

    /** The sample sessionStart's ts: every event comes after it. */
    static final long TS = 1_509_045_324_153L;
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    public static class Linting extends TestClock.Driven {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false", "mc.lint.enabled", "true", "mc.lint.max-delay",
                    MAX_DELAY.getSeconds() + "S");
        }
    }

    @Inject
    SessionLinting linting;

    @Inject
    ExpirySweep expirySweep;

    @Inject
    TestClock clock;

    /** Opens a session as the sample player, under a player name of its own, and returns its id. */
    static String open(String playerName) {
        ObjectNode start = Spec.example("SessionStartSample");
        start.with("params").put("media.playerName", playerName).put("media.libraryVersion", "js-3.1.0")
                .put("media.length", 600);
        return Api.idOf(given().contentType(ContentType.JSON).body(start.toString()).when().post(Api.SESSIONS)
                .then().statusCode(201).extract().header("Location"));
    }

    void checkNow() {
        try {
            linting.run();
        } catch (Exception e) {
            throw new AssertionError("The check did not finish", e);
        }
    }

    static JsonPath detail(String session) {
        return given().filter(Spec.respondsPerSpec()).when().get(Api.SESSIONS + "/" + session).then()
                .statusCode(200).extract().jsonPath();
    }

    /** An ad without its break: each request fine on its own. */
    static void sendAnAdOutsideABreak(String session) {
        send(session, event("play", 0, TS + 1_000)).then().statusCode(204);
        send(session, event("ping", 10, TS + 11_000)).then().statusCode(204);
        send(session, event("adStart", 12, TS + 13_000)).then().statusCode(204);
        send(session, event("ping", 12, TS + 23_000)).then().statusCode(204);
        send(session, event("adComplete", 12, TS + 28_000)).then().statusCode(204);
        send(session, event("play", 12, TS + 28_001)).then().statusCode(204);
        send(session, event("ping", 22, TS + 38_000)).then().statusCode(204);
    }

    @Test
    void aSessionThatBreaksARuleIsAcceptedAndItsFindingIsReadBackWithIt() {
        String session = open(UUID.randomUUID().toString());
        sendAnAdOutsideABreak(session);
        assertThat(detail(session).getList("sessionFindings")).as("not checked yet").isEmpty();

        checkNow();

        JsonPath detail = detail(session);
        assertThat(detail.getList("sessionFindings", Map.class)).containsExactly(Map.of(
                "rule", "ad-start-outside-break",
                "severity", "error",
                "message", "adStart #3 is not inside an ad break. Adobe ignores ads outside"
                        + " adBreakStart…adBreakComplete and counts their time as main content. Send adBreakStart"
                        + " before the first ad of a break, even for a single ad.",
                "events", List.of(3)));
        assertThat(detail.getLong("findingCount")).isEqualTo(1);
        assertThat(detail.getList("findingRules")).containsExactly("ad-start-outside-break");
        // The request's own read-back is about the request alone.
        assertThat(given().when().get(Api.eventsPath(session)).jsonPath().getList("items.findings.flatten()"))
                .isEmpty();
    }

    @Test
    void sessionFindingsAreListedWithTheRequestsOwnNamingTheirEvents() {
        String session = open(UUID.randomUUID().toString());
        sendAnAdOutsideABreak(session);
        checkNow();

        List<Map<String, Object>> items = given().filter(Spec.respondsPerSpec()).queryParam("limit", 100).when()
                .get("/api/v1/findings").jsonPath().getList("items");

        assertThat(items).filteredOn(item -> session.equals(item.get("sessionId"))).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("level", "session")
                        .containsEntry("severity", "error").containsEntry("rule", "ad-start-outside-break")
                        .containsEntry("sequence", 3).containsEntry("eventType", "adStart")
                        .containsEntry("events", List.of(3)).doesNotContainKey("pointer"));
    }

    @Test
    void findingsAreReplacedWhenTheSessionIsCheckedAgain() {
        String session = open(UUID.randomUUID().toString());
        send(session, event("play", 0, TS + 1_000)).then().statusCode(204);
        send(session, event("ping", 20, TS + 21_000)).then().statusCode(204);
        checkNow();
        assertThat(detail(session).getList("sessionFindings.rule")).containsExactly("ping-gap");

        // The ping of the tenth second comes late: sorted by ts, the session pinged every 10 s after all.
        send(session, event("ping", 10, TS + 11_000)).then().statusCode(204);
        checkNow();
        assertThat(detail(session).getList("sessionFindings.rule")).as("a third more, within mc.lint.max-delay")
                .containsExactly("ping-gap");
        clock.advance(MAX_DELAY);
        checkNow();

        assertThat(detail(session).getList("sessionFindings")).isEmpty();
        assertThat(detail(session).getLong("findingCount")).isZero();
    }

    @Test
    void aSessionIsCheckedOnceMoreWhenItCloses() {
        String session = open(UUID.randomUUID().toString());
        send(session, event("play", 0, TS + 1_000)).then().statusCode(204);
        send(session, event("ping", 10, TS + 11_000)).then().statusCode(204);
        checkNow();
        assertThat(detail(session).getList("sessionFindings")).isEmpty();

        clock.advance(Duration.ofMinutes(10));
        SweepNow.run(expirySweep);
        checkNow();

        assertThat(detail(session).getString("closeCause")).isEqualTo("idle");
        assertThat(detail(session).getList("sessionFindings.rule")).containsExactly("session-not-ended");
        assertThat(detail(session).getList("sessionFindings.events")).containsExactly(List.of(2));
    }

    @Test
    void aDownloadedSessionIsCheckedAsItArrives() {
        ArrayNode batch = Spec.arrayExample("DownloadedSession");
        // Without its sessionComplete and sessionEnd: the upload ends with a ping.
        batch.remove(batch.size() - 1);
        batch.remove(batch.size() - 1);
        String session = Api.idOf(given().contentType(ContentType.JSON).body(batch.toString()).when()
                .post(Api.DOWNLOADED).then().statusCode(201).extract().header("Location"));

        checkNow();

        assertThat(detail(session).getList("sessionFindings.rule")).containsExactly("downloaded-not-ended");
    }

    @Test
    void findingsAreSummedUpPerPlayer() {
        String player = "summary-" + UUID.randomUUID();
        sendAnAdOutsideABreak(open(player));
        sendAnAdOutsideABreak(open(player));
        String clean = open(player);
        send(clean, event("play", 0, TS + 1_000)).then().statusCode(204);
        checkNow();

        List<Map<String, Object>> players = given().filter(Spec.respondsPerSpec()).when()
                .get("/api/v1/findings/players").jsonPath().getList("items");

        assertThat(players).filteredOn(item -> player.equals(item.get("playerName"))).singleElement()
                .isEqualTo(Map.of("playerName", player, "sdkVersion", "va-api-0.0.0", "libraryVersion", "js-3.1.0",
                        "sessions", 3, "sessionsWithFindings", 2, "rules", List.of(Map.of(
                                "rule", "ad-start-outside-break", "level", "session", "severity", "error",
                                "findings", 2, "sessions", 2))));
    }

    @Test
    void eachFindingIsCountedOnceWhenFirstFound() {
        Scrape before = Scrape.now();
        String session = open(UUID.randomUUID().toString());
        sendAnAdOutsideABreak(session);
        checkNow();
        send(session, event("ping", 32, TS + 48_000)).then().statusCode(204);
        checkNow();

        Scrape after = Scrape.now();
        assertThat(after.value("mc_findings_total", "rule", "ad-start-outside-break")
                - before.value("mc_findings_total", "rule", "ad-start-outside-break")).isEqualTo(1);
        assertThat(before.text()).contains("mc_findings_total{rule=\"equal-ts\"}",
                "mc_findings_total{rule=\"player-name-placeholder\"}");
    }

    @Test
    void aSessionThatContinuesTheViewersEarlierOneWithoutTheResumeFlagIsFound() {
        String viewer = "viewer-" + UUID.randomUUID();
        String earlier = openAs(viewer, 0, false);
        send(earlier, event("play", 0, TS + 1_000)).then().statusCode(204);
        send(earlier, event("ping", 10, TS + 11_000)).then().statusCode(204);
        send(earlier, event("sessionEnd", 12, TS + 13_000)).then().statusCode(204);
        checkNow();
        clock.advance(Duration.ofMinutes(4));
        String continuing = openAs(viewer, 12, false);
        String resumed = openAs(viewer, 12, true);
        checkNow();

        assertThat(detail(continuing).getList("sessionFindings", Map.class)).singleElement()
                .satisfies(finding -> assertThat(finding).containsEntry("rule", "resume-flag-missing")
                        .containsEntry("events", List.of(0)))
                .satisfies(finding -> assertThat((String) finding.get("message"))
                        .startsWith("This session continues session " + earlier + " (the same viewer and media.id, 240"));
        assertThat(detail(resumed).getList("sessionFindings")).isEmpty();
    }

    /** Opens a session of the sample's content, watched by {@code viewer} from {@code playhead}. */
    static String openAs(String viewer, double playhead, boolean resume) {
        ObjectNode start = Spec.example("SessionStartSample");
        start.with("playerTime").put("playhead", playhead);
        start.with("params").put("analytics.visitorId", viewer).put("media.length", 600).put("media.resume", resume);
        return Api.idOf(given().contentType(ContentType.JSON).body(start.toString()).when().post(Api.SESSIONS)
                .then().statusCode(201).extract().header("Location"));
    }
}
