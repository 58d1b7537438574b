package dev.mediacollection.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.session.Session;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.support.Api;
import dev.mediacollection.support.ServiceProcess;
import dev.mediacollection.support.Spec;

/**
 * Acknowledged means stored, however the process ends: concurrent players open sessions and send events, the
 * service is killed with SIGKILL (a crash) or stopped with SIGTERM (an orchestrator's stop) mid-load, restarted on
 * the same data, and every session and event that got a 2xx must be there, whole.
 */
abstract class CrashSafetyScenario {

    static final int PLAYERS = 16;
    static final Duration LOAD_BEFORE_STOP = Duration.ofSeconds(6);

    /** How the service ends mid-load. */
    enum Stop {
        /** No shutdown at all: only what was committed exists. */
        SIGKILL,
        /** A graceful shutdown: requests in flight are finished, queued writes committed, the store closed. */
        SIGTERM
    }

    /** The settings that point a service process at the store under test. */
    abstract Map<String, String> storeSettings();

    /** The store under test, opened from the test, to read what survived. */
    abstract SessionStore openStore();

    void run(String name, Stop stop) throws Exception {
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> startBodies = new ConcurrentHashMap<>();
        AtomicLong events = new AtomicLong();

        ServiceProcess service = ServiceProcess.start(name, storeSettings());
        AtomicBoolean stopped = new AtomicBoolean();
        ExecutorService players = Executors.newFixedThreadPool(PLAYERS);
        for (int player = 0; player < PLAYERS; player++) {
            int id = player;
            players.execute(() -> play(service.baseUrl(), id, stopped, acknowledged, startBodies, events));
        }
        Thread.sleep(LOAD_BEFORE_STOP.toMillis());
        if (stop == Stop.SIGKILL) {
            service.kill();
        } else {
            // 143 (128 + SIGTERM) is how the JVM reports a stop by signal once its shutdown hooks have run.
            assertThat(service.terminate(Duration.ofSeconds(60))).as("exit code after SIGTERM").isEqualTo(143);
        }
        stopped.set(true);
        players.shutdown();
        assertThat(players.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(acknowledged).as("sessions acknowledged before the stop").hasSizeGreaterThan(30);
        assertThat(events.get()).as("events acknowledged before the stop").isGreaterThan(300);

        System.out.printf("%s: %d sessions and %d events acknowledged before %s%n", name, acknowledged.size(),
                events.get(), stop);
        try (ServiceProcess restarted = ServiceProcess.start(name + "-restarted", storeSettings())) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(restarted.baseUrl() + Api.SESSIONS)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Spec.example("SessionStartSample").toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("the restarted service takes sessions").isEqualTo(201);

            SessionStore store = openStore();
            for (Map.Entry<String, Set<String>> session : acknowledged.entrySet()) {
                Session kept = store.find(session.getKey()).toCompletableFuture().join()
                        .orElseThrow(() -> new AssertionError("acknowledged session lost: " + session.getKey()))
                        .session();
                assertThat(kept.start().body()).isEqualTo(startBodies.get(session.getKey()));
                List<StoredEvent> stored = store.events(session.getKey()).toCompletableFuture().join();
                assertThat(stored).extracting(StoredEvent::sequence).as("sequences without gaps")
                        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, stored.size())
                                .boxed().toList());
                List<String> bodies = stored.stream().map(event -> event.event().body()).toList();
                assertThat(bodies).as("acknowledged events of %s", session.getKey())
                        .containsAll(session.getValue());
                for (String body : bodies) {
                    assertThat(Spec.JSON.readTree(body).path("eventType").asText()).isEqualTo("ping");
                }
            }
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** One player: opens a session, sends pings, opens another, until told to stop or the service dies. */
    private static void play(String baseUrl, int player, AtomicBoolean stop, Map<String, Set<String>> acknowledged,
            Map<String, String> startBodies, AtomicLong events) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long ts = 1_509_045_324_153L;
        try {
            while (!stop.get()) {
                ObjectNode start = Spec.example("SessionStartSample");
                start.with("params").put("media.id", "crash-" + player + "-" + ts);
                HttpResponse<String> created = post(http, baseUrl + Api.SESSIONS, start.toString());
                if (created.statusCode() != 201) {
                    continue;
                }
                String session = Api.idOf(created.headers().firstValue("Location").orElseThrow());
                Set<String> sent = ConcurrentHashMap.newKeySet();
                startBodies.put(session, start.toString());
                acknowledged.put(session, sent);
                for (int i = 0; i < 20 && !stop.get(); i++) {
                    String ping = Api.event("ping", i * 10.0, ++ts).toString();
                    if (post(http, baseUrl + Api.eventsPath(session), ping).statusCode() == 204) {
                        sent.add(ping);
                        events.incrementAndGet();
                    }
                }
            }
        } catch (Exception dead) {
            // The service was stopped: whatever had no answer was never acknowledged.
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
