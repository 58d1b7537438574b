package dev.mediacollection.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Talking to the running service the way a player does. */
public final class Api {

    public static final String SESSIONS = "/api/v1/sessions";
    public static final String DOWNLOADED = "/api/v1/downloaded";

    private Api() {
    }

    /** Opens a session with the spec's sample sessionStart and returns its id. */
    public static String openSession() {
        return idOf(given().contentType(ContentType.JSON).body(Spec.example("SessionStartSample").toString())
                .when().post(SESSIONS)
                .then().statusCode(201).extract().header("Location"));
    }

    public static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public static String eventsPath(String sessionId) {
        return SESSIONS + "/" + sessionId + "/events";
    }

    /** Posts an event, checking the answer against the spec (the request may break it on purpose). */
    public static Response send(String sessionId, Object body) {
        return given().filter(Spec.respondsPerSpec())
                .contentType(ContentType.JSON).body(body.toString())
                .when().post(eventsPath(sessionId));
    }

    /**
     * Posts a body as an SDK may: with this {@code Content-Type}, or with none at all ({@code null}: Adobe's Media JS
     * 3.0.0 and 3.0.1 set none), which REST Assured cannot send but the JDK's client can.
     */
    public static HttpResponse<String> post(String path, byte[] body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A minimal body of this event type: player time, and params where the type requires them. */
    public static ObjectNode event(String eventType, double playhead, long ts) {
        ObjectNode body = Spec.JSON.createObjectNode();
        body.putObject("playerTime").put("playhead", playhead).put("ts", ts);
        body.put("eventType", eventType);
        JsonNode params = requiredParams(eventType);
        if (params != null) {
            body.set("params", params);
        }
        return body;
    }

    private static JsonNode requiredParams(String eventType) {
        return switch (eventType) {
            case "adBreakStart" -> Spec.example("AdBreakStart").get("params");
            case "adStart" -> Spec.example("AdStart").get("params");
            case "chapterStart" -> Spec.example("ChapterStart").get("params");
            case "stateStart", "stateEnd" -> Spec.JSON.createObjectNode().put("media.state.name", "fullscreen");
            case "statesUpdate" -> Spec.example("StatesUpdate").get("params");
            default -> null;
        };
    }
}
