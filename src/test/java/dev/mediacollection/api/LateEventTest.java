package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static dev.mediacollection.support.Api.event;
import static dev.mediacollection.support.Api.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.TestClock;
import dev.mediacollection.support.Scrape;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Late events: Adobe's JS SDK sends up to three hits at once without waiting for answers, so a {@code pauseStart}
 * can arrive just after the {@code sessionEnd} sent after it. Within {@code mc.sessions.late-event-window} (5 s by
 * default, the value used here) of the {@code sessionEnd}'s arrival, an event whose {@code ts} is at or before the
 * {@code sessionEnd}'s is kept and ordered by {@code ts}; anything else after the end is a {@code 410}. The service's
 * clock is driven by the test, so the window's edge is exact and nothing sleeps.
 */
@QuarkusTest
@TestProfile(LateEventTest.ClockDrivenByTheTest.class)
class LateEventTest {

    static final long TS = 1_509_045_325_153L;
    static final long END_TS = TS + 27_702;
    static final Duration WINDOW = Duration.ofSeconds(5);
    static final String CLOSED = "mc_sessions_closed_total";
    static final String CORPUS_SESSION = "sdk-corpus/js3/sessions/pause-then-close-3.0.1/";
    /** What a browser sends for a body posted without a Content-Type, as SDK 3.0.1 posts. */
    static final String BROWSER_TEXT = "text/plain;charset=UTF-8";

    public static class ClockDrivenByTheTest extends TestClock.Driven {
    }

    @Inject
    TestClock clock;

    /** A session that played for 27.4 s, then paused (unless {@code paused} is false). */
    static String played(boolean paused) {
        String session = Api.openSession();
        send(session, event("play", 0, TS)).then().statusCode(204);
        send(session, event("ping", 10, TS + 10_000)).then().statusCode(204);
        if (paused) {
            send(session, event("pauseStart", 27.4, END_TS - 72)).then().statusCode(204);
        }
        return session;
    }

    static JsonPath detail(String session) {
        return given().filter(Spec.respondsPerSpec()).when().get(Api.SESSIONS + "/" + session)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath events(String session, String order) {
        return given().filter(Spec.respondsPerSpec()).queryParam("order", order)
                .when().get(Api.eventsPath(session))
                .then().statusCode(200).extract().jsonPath();
    }

    // --- kept -------------------------------------------------------------------------------------------------------

    @Test
    void anEventThatHappenedBeforeTheSessionEndIsAcceptedUpToTheEndOfTheWindow() {
        String session = played(false);
        send(session, event("sessionEnd", 27.4, END_TS)).then().statusCode(204);
        JsonPath ended = detail(session);

        clock.advance(WINDOW.minusMillis(1));
        send(session, event("pauseStart", 27.4, END_TS - 72)).then().statusCode(204);
        send(session, event("ping", 27.4, END_TS)).then().statusCode(204);

        JsonPath after = detail(session);
        assertThat(after.getString("state")).isEqualTo("closed");
        assertThat(after.getString("closeCause")).isEqualTo("sessionEnd");
        assertThat(after.getString("closedAt")).isEqualTo(ended.getString("closedAt"));
        assertThat(after.getString("lastEventAt")).isEqualTo(ended.getString("lastEventAt"));
        assertThat(after.getInt("eventCount")).isEqualTo(ended.getInt("eventCount") + 2).isEqualTo(5);
    }

    @Test
    void aLateEventIsReadBackInItsPlaceByTsAndLastByArrival() {
        String session = played(false);
        send(session, event("sessionEnd", 27.4, END_TS)).then().statusCode(204);
        clock.advance(Duration.ofMillis(3));
        send(session, event("pauseStart", 27.4, END_TS - 72)).then().statusCode(204);

        JsonPath byTs = events(session, "ts");
        JsonPath byArrival = events(session, "arrival");

        assertThat(byTs.getList("items.eventType", String.class))
                .containsExactly("play", "ping", "pauseStart", "sessionEnd");
        assertThat(byTs.getList("items.sequence", Integer.class)).containsExactly(1, 2, 4, 3);
        assertThat(byArrival.getList("items.eventType", String.class))
                .containsExactly("play", "ping", "sessionEnd", "pauseStart");
    }

    @Test
    void theMetricsOfASessionWithALateEventAreThoseOfTheSameEventsInOrder() {
        String inOrder = played(true);
        send(inOrder, event("sessionEnd", 27.4, END_TS)).then().statusCode(204);
        String endFirst = played(false);
        send(endFirst, event("sessionEnd", 27.4, END_TS)).then().statusCode(204);
        clock.advance(Duration.ofSeconds(1));
        send(endFirst, event("pauseStart", 27.4, END_TS - 72)).then().statusCode(204);

        Map<String, Object> expected = detail(inOrder).getMap("metrics");
        Map<String, Object> metrics = detail(endFirst).getMap("metrics");

        assertThat(metrics).isEqualTo(expected);
        assertThat(metrics).containsEntry("pauseEvents", 1).containsEntry("final", true)
                .containsEntry("computedUpTo", END_TS);
    }

    @Test
    void aLateEventDoesNotCountTheSessionAsClosedAgain() {
        String session = played(false);
        Scrape before = Scrape.now();
        send(session, event("sessionEnd", 27.4, END_TS)).then().statusCode(204);
        send(session, event("pauseStart", 27.4, END_TS - 72)).then().statusCode(204);

        double closed = Scrape.now().value(CLOSED, "cause", "session_end") - before.value(CLOSED, "cause",
                "session_end");

        assertThat(closed).isEqualTo(1);
    }

    // --- refused ----------------------------------------------------------------------------------------------------

    @Test
    void anEventArrivingWhenTheWindowHasPassedGets410() {
        String session = played(false);
        send(session, event("sessionEnd", 27.4, END_TS)).then().statusCode(204);

        clock.advance(WINDOW);
        Response refused = send(session, event("pauseStart", 27.4, END_TS - 72));

        assertProblem(refused, 410, "/problems/session-closed");
        assertThat(refused.jsonPath().getString("detail"))
                .startsWith("The session ended with sessionEnd at ")
                .contains("this event's ts is not after the sessionEnd's, but it arrived after the late-event window")
                .endsWith("; open a new session.");
        assertThat(detail(session).getInt("eventCount")).isEqualTo(3);
    }

    @Test
    void anEventThatHappenedAfterTheSessionEndGets410EvenAtOnce() {
        String session = played(false);
        send(session, event("sessionEnd", 27.4, END_TS)).then().statusCode(204);

        Response refused = send(session, event("ping", 27.4, END_TS + 1));

        assertProblem(refused, 410, "/problems/session-closed");
        assertThat(refused.jsonPath().getString("detail"))
                .contains("this event's ts (" + (END_TS + 1) + ") is after the sessionEnd's (" + END_TS + ")");
        assertThat(detail(session).getInt("eventCount")).isEqualTo(3);
    }

    @Test
    void anExpiredSessionTakesNoLateEvent() {
        String session = played(false);

        clock.advance(Duration.ofMinutes(10));
        Response refused = send(session, event("pauseStart", 5, TS + 5_000));

        assertProblem(refused, 410, "/problems/session-closed");
        assertThat(refused.jsonPath().getString("detail")).contains("no event arrived within the idle timeout");
        assertThat(detail(session).getInt("eventCount")).isEqualTo(2);
    }

    @Test
    void aDownloadedSessionTakesNoLateEvent() {
        JsonNode batch = Spec.arrayExample("DownloadedSession");
        long endTs = batch.get(batch.size() - 1).at("/playerTime/ts").asLong();
        String session = Api.idOf(given().contentType(ContentType.JSON).body(batch.toString())
                .when().post(Api.DOWNLOADED)
                .then().statusCode(201).extract().header("Location"));

        Response refused = send(session, event("pauseStart", 55, endTs - 1_000));

        assertProblem(refused, 410, "/problems/session-closed");
        assertThat(detail(session).getInt("eventCount")).isEqualTo(batch.size() - 1);
    }

    // --- Adobe's JS SDK 3.0.1, as the network may deliver it ----------------------------------------------------------

    @Test
    void theJs301SessionWhoseSessionEndOvertakesThePauseIsKeptWholeInTsOrder() throws Exception {
        JsonNode manifest = json(corpusFile("manifest.json"));
        List<String> asSent = texts(manifest.at("/arrivalOrders/asSent"));
        List<String> arrived = texts(manifest.at("/arrivalOrders/sessionEndFirst"));
        assertThat(arrived).isNotEqualTo(asSent).startsWith(asSent.get(0));

        // SDK 3.0.1 sets no Content-Type, so the browser sends its JSON as text/plain: kept, each with that finding.
        HttpResponse<String> opened = Api.post(Api.SESSIONS, corpusFile(arrived.get(0)), BROWSER_TEXT);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String session = Api.idOf(opened.headers().firstValue("Location").orElseThrow());
        for (String file : arrived.subList(1, arrived.size())) {
            clock.advance(Duration.ofMillis(20));
            assertThat(Api.post(Api.eventsPath(session), corpusFile(file), BROWSER_TEXT).statusCode()).as(file)
                    .isEqualTo(204);
        }

        List<JsonNode> expected = new ArrayList<>();
        asSent.subList(1, asSent.size()).forEach(file -> expected.add(json(corpusFile(file))));
        List<JsonNode> byTs = new ArrayList<>();
        JsonNode items = json(events(session, "ts").prettify()).get("items");
        items.forEach(item -> byTs.add(item.get("body")));
        assertThat(byTs).containsExactlyElementsOf(expected);
        assertThat(items).allSatisfy(item -> assertThat(item.at("/findings/0/rule").asText()).isEqualTo("content-type"));
        JsonPath session301 = detail(session);
        assertThat(session301.getString("state")).isEqualTo("closed");
        assertThat(session301.getInt("eventCount")).isEqualTo(asSent.size() - 1);
        assertThat(session301.getInt("metrics.pauseEvents")).isEqualTo(1);
        assertThat(session301.getList("start.findings.rule", String.class)).containsExactly("content-type");
        assertThat(session301.getInt("findingCount")).isEqualTo(asSent.size());
    }

    private static byte[] corpusFile(String name) {
        try (InputStream in = LateEventTest.class.getClassLoader().getResourceAsStream(CORPUS_SESSION + name)) {
            assertThat(in).as(CORPUS_SESSION + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) {
        return json(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(byte[] text) {
        try {
            return Spec.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
