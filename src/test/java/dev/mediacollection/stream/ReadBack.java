package dev.mediacollection.stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import io.restassured.path.json.JsonPath;

/** What an instance of the service holds, read through its read-back API: for comparing a relay and its upstream. */
final class ReadBack {

    static final Duration CATCH_UP = Duration.ofSeconds(90);

    private ReadBack() {
    }

    static JsonNode detail(String base, String session) throws IOException {
        return Spec.JSON.readTree(given().get(base + Api.SESSIONS + "/" + session).then().statusCode(200)
                .extract().asString());
    }

    /** The session's detail once the relay has everything of it acknowledged upstream. */
    static JsonNode relayed(String base, String session) {
        return await().atMost(CATCH_UP).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> detail(base, session), detail -> detail.at("/upstream/status").asText().equals("relayed"));
    }

    /** The session's events as the instance keeps them: what was sent, not when it arrived there. */
    static List<JsonNode> requests(String base, String session) throws IOException {
        JsonNode items = Spec.JSON.readTree(given().queryParam("limit", 500).get(base + Api.eventsPath(session))
                .then().statusCode(200).extract().asString()).get("items");
        List<JsonNode> requests = new ArrayList<>();
        for (JsonNode item : items) {
            ObjectNode request = ((ObjectNode) item).deepCopy();
            request.remove("receivedAt");
            request.remove("sequence");
            requests.add(request);
        }
        return requests;
    }

    /** The sessionStart and event bodies, as the strings a player sent (compact JSON). */
    static List<String> bodies(JsonNode start, List<JsonNode> events) {
        List<String> bodies = new ArrayList<>(List.of(start.get("body").toString()));
        events.forEach(event -> bodies.add(event.get("body").toString()));
        return bodies;
    }

    static int sessionsWithMediaId(String base, String mediaId) {
        return given().queryParam("mediaId", mediaId).get(base + Api.SESSIONS).then().statusCode(200).extract()
                .jsonPath().getList("items").size();
    }

    /** Every session the instance holds, page by page. */
    static int sessionCount(String base) {
        int count = 0;
        String cursor = null;
        do {
            JsonPath page = (cursor == null ? given() : given().queryParam("cursor", cursor))
                    .queryParam("limit", 500).get(base + Api.SESSIONS).then().statusCode(200).extract().jsonPath();
            count += page.getList("items").size();
            cursor = page.getString("next");
        } while (cursor != null);
        return count;
    }
}
