package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static dev.mediacollection.support.Api.event;
import static dev.mediacollection.support.Api.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionState;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Whole sessions, as a player sends them, and what the service keeps of them. */
@QuarkusTest
class PlaybackSessionTest {

    static final long T0 = 1_509_045_324_153L;

    @Inject
    SessionStore store;

    @Test
    void aFullPlaybackIsKeptEventByEventAsSent() {
        String session = Api.openSession();
        List<ObjectNode> sent = new ArrayList<>();
        // Pre-roll break with two ads (the second skipped); playhead frozen at 0 meanwhile.
        sent.add(params(event("adBreakStart", 0, T0 + 1_000), "media.ad.podIndex", 0));
        sent.add(params(event("adStart", 0, T0 + 1_001), "media.ad.podPosition", 1));
        sent.add(event("ping", 0, T0 + 2_001));
        sent.add(event("adComplete", 0, T0 + 16_001));
        sent.add(params(event("adStart", 0, T0 + 16_002), "media.ad.podPosition", 2));
        sent.add(event("adSkip", 0, T0 + 21_002));
        sent.add(event("adBreakComplete", 0, T0 + 21_003));
        // Content, in a first chapter: buffering, a bitrate change, a pause, an error, player states.
        ObjectNode play = event("play", 0, T0 + 21_004);
        play.putObject("qoeData").put("media.qoe.timeToStart", 1_200);
        sent.add(play);
        sent.add(event("chapterStart", 0, T0 + 21_005));
        sent.add(event("ping", 10, T0 + 31_004));
        sent.add(event("bufferStart", 15, T0 + 36_004));
        sent.add(event("play", 15, T0 + 38_004));
        ObjectNode bitrate = event("bitrateChange", 20, T0 + 43_004);
        bitrate.putObject("qoeData").put("media.qoe.bitrate", 1_500_000);
        sent.add(bitrate);
        sent.add(event("pauseStart", 25, T0 + 48_004));
        sent.add(event("ping", 25, T0 + 58_004));
        sent.add(event("play", 25, T0 + 63_004));
        ObjectNode error = event("error", 30, T0 + 68_004);
        error.putObject("qoeData").put("media.qoe.errorID", "MEDIA_ERR_NETWORK").put("media.qoe.errorSource", "player");
        sent.add(error);
        sent.add(event("stateStart", 31, T0 + 69_004));
        sent.add(event("statesUpdate", 32, T0 + 70_004));
        sent.add(params(event("stateEnd", 33, T0 + 71_004), "media.state.name", "mute"));
        sent.add(event("chapterComplete", 50, T0 + 89_004));
        // A second chapter, skipped; then the end of the content and of the session.
        sent.add(params(event("chapterStart", 50, T0 + 89_005), "media.chapter.index", 2));
        sent.add(event("chapterSkip", 55, T0 + 94_005));
        sent.add(event("sessionComplete", 60.39, T0 + 99_000));
        sent.add(event("sessionEnd", 60.39, T0 + 99_001));

        for (ObjectNode body : sent) {
            given().filter(Spec.conforming()).contentType(ContentType.JSON).body(body.toString())
                    .when().post(Api.eventsPath(session))
                    .then().statusCode(204);
        }
        assertProblem(send(session, event("ping", 60.39, T0 + 109_001)), 410, "/problems/session-closed");

        List<StoredEvent> stored = store.events(session).toCompletableFuture().join();
        assertThat(stored).extracting(StoredEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, sent.size()).boxed().toList());
        assertThat(stored).extracting(kept -> kept.event().body())
                .containsExactlyElementsOf(sent.stream().map(ObjectNode::toString).toList());
        assertThat(stored).extracting(kept -> kept.event().type().wireName())
                .containsExactlyElementsOf(sent.stream().map(body -> body.get("eventType").asText()).toList());
        Session kept = store.find(session).toCompletableFuture().join().orElseThrow().session();
        assertThat(kept.start().body()).isEqualTo(Spec.example("SessionStartSample").toString());
        assertThat(kept.lifecycle().state()).isEqualTo(SessionState.CLOSED);
        assertThat(kept.lifecycle().closeCause()).isEqualTo(CloseCause.SESSION_END);
    }

    @Test
    void eventsOutOfTsOrderKeepBothOrders() {
        String session = Api.openSession();
        long[] tsInArrivalOrder = { T0 + 30_000, T0 + 10_000, T0 + 20_000 };
        for (long ts : tsInArrivalOrder) {
            send(session, event("ping", (ts - T0) / 1000.0, ts)).then().statusCode(204);
        }

        List<StoredEvent> stored = store.events(session).toCompletableFuture().join();

        assertThat(stored).extracting(StoredEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(stored).extracting(kept -> kept.event().ts()).containsExactly(tsInArrivalOrder[0],
                tsInArrivalOrder[1], tsInArrivalOrder[2]);
    }

    @Test
    void aBodyIsKeptByteForByteWithItsSpacing() {
        String session = Api.openSession();
        String body = "{ \"eventType\" : \"ping\",\n  \"playerTime\": {\"playhead\": 1.50, \"ts\": 1509045325153}}";

        given().contentType(ContentType.JSON).body(body).when().post(Api.eventsPath(session)).then().statusCode(204);

        assertThat(store.events(session).toCompletableFuture().join()).singleElement()
                .satisfies(kept -> assertThat(kept.event().body()).isEqualTo(body));
    }

    @Test
    void aDownloadedSessionKeepsEachElementAsSent() {
        ArrayNode batch = Spec.arrayExample("DownloadedSession");
        String sent = batch.toString().replace(",{", ",\n  {");

        String location = given().contentType(ContentType.JSON).body(sent).when().post(Api.DOWNLOADED)
                .then().statusCode(201).extract().header("Location");

        String session = Api.idOf(location);
        Session kept = store.find(session).toCompletableFuture().join().orElseThrow().session();
        assertThat(kept.start().body()).isEqualTo(batch.get(0).toString());
        assertThat(store.events(session).toCompletableFuture().join())
                .extracting(stored -> stored.event().body())
                .containsExactly(batch.get(1).toString(), batch.get(2).toString(), batch.get(3).toString(),
                        batch.get(4).toString());
        assertThat(kept.lifecycle().closeCause()).isEqualTo(CloseCause.SESSION_END);
    }

    @Test
    void aDownloadedSessionWithoutSessionEndIsClosedAsDownloaded() {
        ArrayNode batch = Spec.arrayExample("DownloadedSession");
        batch.remove(batch.size() - 1);

        String location = given().contentType(ContentType.JSON).body(batch.toString()).when().post(Api.DOWNLOADED)
                .then().statusCode(201).extract().header("Location");

        Session kept = store.find(Api.idOf(location)).toCompletableFuture().join().orElseThrow().session();
        assertThat(kept.lifecycle().state()).isEqualTo(SessionState.CLOSED);
        assertThat(kept.lifecycle().closeCause()).isEqualTo(CloseCause.DOWNLOADED);
    }

    private static ObjectNode params(ObjectNode event, String key, Object value) {
        ObjectNode params = event.with("params");
        if (value instanceof Integer number) {
            params.put(key, number);
        } else {
            params.put(key, value.toString());
        }
        return event;
    }
}
