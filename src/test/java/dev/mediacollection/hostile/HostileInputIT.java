package dev.mediacollection.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.hostile.HostileRequest.Refusal;
import dev.mediacollection.support.Api;
import dev.mediacollection.support.RawHttp;
import dev.mediacollection.support.ServiceProcess;
import dev.mediacollection.support.Spec;

/**
 * Ten thousand generated malformed and hostile requests ({@link HostileRequests}, fixed seed) against the packaged
 * service under its default profile, on every endpoint: each must be refused as its kind demands, or, where the
 * profile keeps what it can (a mistyped or null member, an unknown key, a body sent as another type), kept; never a
 * 5xx. Afterwards the service must still take valid requests with its heap back near where it started.
 */
class HostileInputIT {

    static final int REQUESTS = 10_000;
    static final int SENDERS = 4;
    /** Far beyond any answer's time, even on a busy machine; far beyond the service's idle timeout (2 s here). */
    static final int READ_TIMEOUT_MILLIS = 60_000;
    /** The rejection log legitimately keeps up to 500 refused bodies (64 KiB each at most); beyond that is a leak. */
    static final long HEAP_GROWTH_BOUND = 96L * 1024 * 1024;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyHostileRequestIsRefusedAndTheServiceStaysWell() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "hostile-data").toAbsolutePath();
        // A short idle timeout, so that requests that never complete are closed within the test's patience.
        try (ServiceProcess service = ServiceProcess.start("hostile",
                Map.of("mc.store.data-dir", data.toString(), "quarkus.http.idle-timeout", "2S"))) {
            String session = openSession(service);
            for (int i = 0; i < 200; i++) {
                assertThat(sendPing(service, session, i).statusCode()).isEqualTo(204);
            }
            long heapBefore = service.heapUsedAfterGc();

            List<HostileRequest> requests = new HostileRequests(session).generate(REQUESTS);
            Queue<String> failures = new ConcurrentLinkedQueue<>();
            Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (HostileRequest request : requests) {
                senders.execute(() -> {
                    kinds.computeIfAbsent(request.kind(), kind -> new LongAdder()).increment();
                    try {
                        judge(request, RawHttp.exchange(service.port(), request.head(), request.bodyChunks(),
                                request.pauseMillis(), request.halfClose(), READ_TIMEOUT_MILLIS))
                                .ifPresent(failures::add);
                    } catch (IOException | RuntimeException e) {
                        failures.add(request.kind() + ": " + e);
                    }
                });
            }
            senders.shutdown();
            assertThat(senders.awaitTermination(5, TimeUnit.MINUTES)).as("all requests answered in time").isTrue();
            System.out.printf("HostileInputIT: %d requests by kind %s%n", requests.size(), kinds);

            assertThat(failures).as("requests not refused as they must be (%d)", failures.size())
                    .isEmpty();
            assertThat(kinds).hasSizeGreaterThanOrEqualTo(23);

            String another = openSession(service);
            assertThat(sendPing(service, another, 1).statusCode()).as("a valid event afterwards").isEqualTo(204);
            assertThat(get(service, Api.SESSIONS + "/" + another).statusCode()).isEqualTo(200);
            long heapAfter = service.heapUsedAfterGc();
            System.out.printf("HostileInputIT: heap after GC %d MiB before, %d MiB after%n", heapBefore >> 20,
                    heapAfter >> 20);
            assertThat(heapAfter).as("heap after the hostile requests").isLessThan(heapBefore + HEAP_GROWTH_BOUND);

            String log = service.log();
            assertThat(log).as("nothing unexpected was logged").doesNotContain("ERROR");
            assertThat(log).as("no visitor id reaches the log")
                    .doesNotContain(Spec.example("SessionStartSample").at("/params/analytics.visitorId").asText());
        }
    }

    /** Why the answer is wrong for this request, if it is. */
    static java.util.Optional<String> judge(HostileRequest request, RawHttp.Answer answer) {
        String what = request.kind() + " " + firstLine(request) + " -> "
                + (answer.timedOut() ? "no answer in time" : answer.status() + " " + answer.body());
        if (answer.timedOut()) {
            return java.util.Optional.of("no answer, connection left open: " + what);
        }
        if (answer.status() != null && answer.status() >= 500) {
            return java.util.Optional.of("5xx: " + what);
        }
        if (request.refusal() == Refusal.BELOW_THE_SERVICE) {
            boolean refused = answer.status() == null || answer.status() >= 400;
            return refused ? java.util.Optional.empty() : java.util.Optional.of("accepted: " + what);
        }
        if (request.refusal() == Refusal.PROBLEM_OR_KEPT && answer.status() != null
                && (answer.status() == 201 || answer.status() == 204)) {
            return java.util.Optional.empty();
        }
        if (answer.status() == null || answer.status() < 400) {
            return java.util.Optional.of("not refused: " + what);
        }
        if (!"application/problem+json".equals(answer.header("Content-Type"))) {
            return java.util.Optional.of("not a problem: " + what);
        }
        try {
            JsonNode problem = Spec.JSON.readTree(answer.body());
            boolean whole = problem.path("status").asInt() == answer.status()
                    && !problem.path("type").asText().isBlank() && !problem.path("title").asText().isBlank()
                    && !problem.path("detail").asText().isBlank();
            boolean clean = !answer.body().contains("Exception") && !answer.body().contains("\tat ")
                    && !answer.body().contains("dev.mediacollection") && !answer.body().contains("io.vertx");
            boolean cors = !firstLine(request).split(" ")[1].startsWith("/api/v1")
                    || "*".equals(answer.header("Access-Control-Allow-Origin"));
            return whole && clean && cors ? java.util.Optional.empty()
                    : java.util.Optional.of("incomplete problem: " + what);
        } catch (IOException e) {
            return java.util.Optional.of("problem is not JSON: " + what);
        }
    }

    private static String firstLine(HostileRequest request) {
        String head = new String(request.head(), StandardCharsets.ISO_8859_1);
        String line = head.split("\r\n", 2)[0];
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private String openSession(ServiceProcess service) throws Exception {
        HttpResponse<String> created = post(service, Api.SESSIONS, Spec.example("SessionStartSample").toString());
        assertThat(created.statusCode()).isEqualTo(201);
        return Api.idOf(created.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> sendPing(ServiceProcess service, String session, int i) throws Exception {
        return post(service, Api.eventsPath(session), Api.event("ping", i * 10.0, 1_509_045_325_153L + i).toString());
    }

    private HttpResponse<String> post(ServiceProcess service, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ServiceProcess service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
