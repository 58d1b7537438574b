package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * With {@code mc.inspection.token} set, reading back requires it as a bearer token; collecting stays open, as
 * Adobe's endpoints are.
 */
@QuarkusTest
@TestProfile(InspectionTokenTest.WithToken.class)
class InspectionTokenTest {

    static final String TOKEN = "s3cret-token";

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mc.inspection.token", TOKEN);
        }
    }

    static String[] readPaths() {
        String session = Api.openSession();
        return new String[] { Api.SESSIONS, Api.SESSIONS + "/" + session, Api.eventsPath(session), "/api/v1/rejections",
                "/api/v1/findings", "/api/v1/findings/players", "/api/v1/reports",
                Api.SESSIONS + "/" + session + "/timeline" };
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7 })
    void readingWithoutTheTokenIs401(int path) {
        Response response = given().filter(Spec.respondsPerSpec()).when().get(readPaths()[path]);

        assertProblem(response, 401, "/problems/unauthorized");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer wrong", "Bearer", "Basic czNjcmV0LXRva2Vu", "s3cret-token" })
    void aWrongTokenIs401(String authorization) {
        assertProblem(given().header("Authorization", authorization).when().get(Api.SESSIONS), 401,
                "/problems/unauthorized");
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7 })
    void theTokenOpensEveryRead(int path) {
        given().header("Authorization", "Bearer " + TOKEN).when().get(readPaths()[path]).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/sessions", "/api/v1/downloaded" })
    void collectingNeedsNoToken(String path) {
        Object body = path.equals(Api.SESSIONS) ? Spec.example("SessionStartSample")
                : Spec.arrayExample("DownloadedSession");
        given().contentType(ContentType.JSON).body(body.toString()).when().post(path).then().statusCode(201);
        String session = Api.openSession();
        Api.send(session, Api.event("play", 0, 1)).then().statusCode(204);
    }
}
