package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertApiHeaders;
import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static dev.mediacollection.api.CreateSessionTest.LOCATION_PATTERN;
import static dev.mediacollection.api.CreateSessionTest.assertViolations;
import static dev.mediacollection.support.Api.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import dev.mediacollection.support.ValidationProfiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Downloaded (offline) sessions: a whole session uploaded as one array, to {@code /api/v1/downloaded} or, as
 * Adobe's mobile SDKs still do, to {@code /api/v1/sessions} with {@code media.downloaded: true}. Under the strict
 * profile, where every rule refuses (ValidationProfileCases: what the other profiles keep instead).
 */
@QuarkusTest
@TestProfile(ValidationProfiles.Strict.class)
class DownloadedSessionTest {

    static final long TS = 1_509_045_324_153L;

    static Response upload(String path, Object batch) {
        return given().filter(Spec.respondsPerSpec())
                .contentType(ContentType.JSON).body(batch.toString())
                .when().post(path);
    }

    static ArrayNode batch() {
        return Spec.arrayExample("DownloadedSession");
    }

    /** The same batch in the form Adobe's mobile SDKs post to /api/v1/sessions, marked media.downloaded. */
    static ArrayNode legacyBatch() {
        ArrayNode batch = batch();
        ((ObjectNode) batch.get(0).get("params")).put("media.downloaded", true);
        return batch;
    }

    // --- /api/v1/downloaded ---------------------------------------------------------------------------------------

    @Test
    void aDownloadedSessionIsCreatedWhole() {
        Response response = given().filter(Spec.conforming())
                .contentType(ContentType.JSON).body(batch().toString())
                .when().post(Api.DOWNLOADED);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body().asByteArray()).isEmpty();
        assertThat(response.header("Location")).matches(LOCATION_PATTERN);
        assertApiHeaders(response);
    }

    @Test
    void aDownloadedSessionTakesNoFurtherEvents() {
        String session = Api.idOf(upload(Api.DOWNLOADED, batch()).then().statusCode(201).extract().header("Location"));

        Response refused = Api.send(session, event("ping", 70, TS + 70_000));

        assertProblem(refused, 410, "/problems/session-closed");
    }

    @Test
    void aSessionWithoutSessionEndIsAcceptedToo() {
        ArrayNode batch = batch();
        batch.remove(batch.size() - 1);

        upload(Api.DOWNLOADED, batch).then().statusCode(201);
    }

    @Test
    void theFlagIsNotNeededButAllowedHere() {
        ArrayNode batch = batch();
        ((ObjectNode) batch.get(0).get("params")).put("media.downloaded", true);

        upload(Api.DOWNLOADED, batch).then().statusCode(201);
    }

    @Test
    void aSessionStartAloneIsADownloadedSession() {
        ArrayNode batch = Spec.JSON.createArrayNode().add(batch().get(0));

        upload(Api.DOWNLOADED, batch).then().statusCode(201);
    }

    @Test
    void everyInvalidElementIsNamedByIndexAndNothingIsStored() {
        ArrayNode batch = batch();
        ObjectNode adStart = event("adStart", 5, TS + 5_000);
        ((ObjectNode) adStart.get("params")).remove("media.ad.id");
        batch.insert(2, event("adBreakStart", 5, TS + 4_999));
        batch.insert(3, adStart);
        ((ObjectNode) batch.get(1).get("playerTime")).put("ts", "soon");

        assertViolations(upload(Api.DOWNLOADED, batch),
                "/1/playerTime/ts", "must be an integer",
                "/3/params/media.ad.id", "is required");
    }

    @Test
    void theFirstElementMustBeTheSessionStart() {
        ArrayNode batch = batch();
        batch.remove(0);

        assertViolations(upload(Api.DOWNLOADED, batch),
                "/0/eventType", "must be \"sessionStart\": a downloaded session starts with its sessionStart");
    }

    @Test
    void onlyTheFirstElementIsASessionStart() {
        ArrayNode batch = batch();
        batch.insert(2, batch.get(0).deepCopy());

        assertViolations(upload(Api.DOWNLOADED, batch),
                "/2/eventType", "must not be \"sessionStart\": only the first element opens the session");
    }

    @Test
    void nothingFollowsSessionEnd() {
        ArrayNode batch = batch();
        batch.add(event("ping", 61, TS + 70_000));
        batch.add(event("play", 61, TS + 70_001));

        assertViolations(upload(Api.DOWNLOADED, batch),
                "/5", "comes after the sessionEnd at /4; nothing may follow sessionEnd",
                "/6", "comes after the sessionEnd at /4; nothing may follow sessionEnd");
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertViolations(upload(Api.DOWNLOADED, "[]"), "", "must have at least 1 element");
    }

    @Test
    void aSingleObjectIsNotABatch() {
        assertViolations(upload(Api.DOWNLOADED, Spec.example("SessionStartSample")), "", "must be an array");
    }

    @Test
    void batchesMayExceedTheSingleEventLimit() {
        ArrayNode batch = batch();
        ObjectNode end = (ObjectNode) batch.remove(batch.size() - 1);
        for (int i = 0; i < 1_000; i++) {
            batch.add(event("ping", 50 + i * 50, TS + 50_000L * (i + 1)));
        }
        batch.add(end);

        assertThat(batch.toString().length()).isGreaterThan(65_536);
        upload(Api.DOWNLOADED, batch).then().statusCode(201);
    }

    @Test
    void aBatchOverTheBatchLimitIs413() {
        ArrayNode batch = batch();
        ((ObjectNode) batch.get(0)).putObject("customMetadata").put("padding", "x".repeat(1_100_000));

        Response response = upload(Api.DOWNLOADED, batch);

        assertProblem(response, 413, "/problems/payload-too-large");
        assertThat(response.jsonPath().getString("detail")).contains("1048576 bytes");
    }

    // --- the deprecated form: an array posted to /api/v1/sessions --------------------------------------------------

    @Test
    void adobesMobileSdksUploadToSessionsWithTheFlag() {
        // Outside the body schema by design (x-also-accepts): only the answer is checked against the contract.
        Response response = given().filter(Spec.respondsPerSpec())
                .contentType(ContentType.JSON).body(legacyBatch().toString())
                .when().post(Api.SESSIONS);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("Location")).matches(LOCATION_PATTERN);
    }

    @Test
    void anArrayToSessionsWithoutTheFlagIsRefused() {
        assertViolations(upload(Api.SESSIONS, batch()), "/0/params/media.downloaded",
                "is required: an array sent here is a downloaded session, marked \"media.downloaded\": true");
    }

    @Test
    void anArrayToSessionsWithTheFlagFalseIsRefused() {
        ArrayNode batch = batch();
        ((ObjectNode) batch.get(0).get("params")).put("media.downloaded", false);

        assertViolations(upload(Api.SESSIONS, batch), "/0/params/media.downloaded",
                "must be true: an array sent here is a downloaded session");
    }

    @Test
    void theLegacyFormFollowsTheSameOrder() {
        ArrayNode batch = legacyBatch();
        batch.add(batch.get(0).deepCopy());

        assertViolations(upload(Api.SESSIONS, batch),
                "/5/eventType", "must not be \"sessionStart\": only the first element opens the session",
                "/5", "comes after the sessionEnd at /4; nothing may follow sessionEnd");
    }

    @Test
    void aLiveSessionStartMarkedDownloadedIsRefused() {
        ObjectNode body = Spec.example("SessionStartSample");
        body.with("params").put("media.downloaded", true);

        assertViolations(upload(Api.SESSIONS, body), "/params/media.downloaded",
                "must not be true on a single sessionStart: upload downloaded content as an array"
                        + " (POST /api/v1/downloaded)");
    }

    @Test
    void aLiveSessionStartMayStateItIsNotDownloaded() {
        ObjectNode body = Spec.example("SessionStartSample");
        body.with("params").put("media.downloaded", false);

        upload(Api.SESSIONS, body).then().statusCode(201);
    }
}
