package dev.mediacollection.bench;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The practical limit of the service's stack on a machine: raw Vert.x (no routing framework, no CDI, no storage)
 * doing the least work the Media Collection API asks of a request, on as many event loops as Quarkus uses. It
 * parses the body with Jackson, checks the required fields, makes a 256-bit random session id, and answers with
 * the service's status and headers ({@code 201} + {@code Location} for a session, {@code 204} for an event, Adobe's
 * four CORS headers on both).
 *
 * <pre>java -cp … dev.mediacollection.bench.BaselineServer [port]</pre>
 */
public final class BaselineServer extends AbstractVerticle {

    private static final String SESSIONS = "/api/v1/sessions";
    private static final int MAX_BODY = 64 * 1024;

    private static final Set<String> EVENT_TYPES = Set.of("play", "ping", "pauseStart", "bufferStart",
            "bitrateChange", "error", "adBreakStart", "adStart", "adComplete", "adSkip", "adBreakComplete",
            "chapterStart", "chapterComplete", "chapterSkip", "stateStart", "stateEnd", "statesUpdate",
            "sessionComplete", "sessionEnd");
    /** The eight params a sessionStart must carry, and whether each is a number (else a string). */
    private static final Map<String, Boolean> REQUIRED_START_PARAMS = Map.of(
            "analytics.trackingServer", false, "analytics.reportSuite", false, "visitor.marketingCloudOrgId", false,
            "media.playerName", false, "media.contentType", false, "media.channel", false, "media.id", false,
            "media.length", true);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(BaselineServer::newGenerator);

    private final int port;

    private BaselineServer(int port) {
        this.port = port;
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        // Quarkus' default: two event loops per core.
        int eventLoops = 2 * Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new BaselineServer(port), new DeploymentOptions().setInstances(eventLoops))
                .onSuccess(ignored -> System.out.println("Listening on: http://0.0.0.0:" + port))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }

    @Override
    public void start() {
        vertx.createHttpServer(new HttpServerOptions().setPort(port)).requestHandler(this::handle).listen();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        boolean session = path.equals(SESSIONS);
        boolean event = !session && path.startsWith(SESSIONS + "/") && path.endsWith("/events");
        if (request.method() != HttpMethod.POST || !(session || event)) {
            answer(request.response().setStatusCode(404));
            return;
        }
        request.body().onSuccess(body -> {
            if (body.length() > MAX_BODY) {
                answer(request.response().setStatusCode(413));
                return;
            }
            JsonNode tree = parse(body);
            if (session && isSessionStart(tree)) {
                answer(request.response().setStatusCode(201)
                        .putHeader("Content-Type", "application/octet-stream")
                        .putHeader("Content-Length", "0")
                        .putHeader("Location", SESSIONS + "/" + newSessionId()));
            } else if (event && isEvent(tree)) {
                answer(request.response().setStatusCode(204));
            } else {
                answer(request.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json"),
                        "{\"type\":\"about:blank\",\"status\":400,\"title\":\"Bad Request\"}");
            }
        });
    }

    private static JsonNode parse(Buffer body) {
        try {
            return MAPPER.readTree(body.getBytes());
        } catch (IOException e) {
            return null; // not JSON: a 400 like any other invalid body
        }
    }

    private static boolean isSessionStart(JsonNode tree) {
        if (!hasPlayerTime(tree) || !"sessionStart".equals(tree.path("eventType").textValue())) {
            return false;
        }
        JsonNode params = tree.get("params");
        if (params == null || !params.isObject()) {
            return false;
        }
        for (Map.Entry<String, Boolean> required : REQUIRED_START_PARAMS.entrySet()) {
            JsonNode value = params.get(required.getKey());
            if (value == null || (required.getValue() ? !value.isNumber() : !value.isTextual())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEvent(JsonNode tree) {
        return hasPlayerTime(tree) && EVENT_TYPES.contains(tree.path("eventType").textValue());
    }

    private static boolean hasPlayerTime(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return false;
        }
        JsonNode playerTime = tree.get("playerTime");
        return playerTime != null && playerTime.path("playhead").isNumber() && playerTime.path("ts").isIntegralNumber();
    }

    private static void answer(HttpServerResponse response) {
        cors(response.headers());
        response.end();
    }

    private static void answer(HttpServerResponse response, String body) {
        cors(response.headers());
        response.end(body);
    }

    private static void cors(MultiMap headers) {
        headers.add("Access-Control-Allow-Origin", "*")
                .add("Access-Control-Allow-Methods", "OPTIONS,POST,PUT")
                .add("Access-Control-Allow-Headers", "Content-Type")
                .add("Access-Control-Expose-Headers", "Location");
    }

    private static String newSessionId() {
        byte[] bytes = new byte[32];
        RANDOM.get().nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    // The service's generator (SessionIds): a DRBG per thread.
    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
