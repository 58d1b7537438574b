package dev.mediacollection.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import dev.mediacollection.store.SessionQuery;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.support.Api;
import dev.mediacollection.support.ServiceProcess;
import dev.mediacollection.support.Spec;

/**
 * Acknowledged means stored, however the process ends: concurrent players open sessions and send events, the
 * service is killed with SIGKILL (a crash) or stopped with SIGTERM (an orchestrator's stop) mid-load, restarted on
 * the same data, and every session and event that got a 2xx must be there, whole. After SIGTERM the converse holds
 * too: nothing is stored that was not answered (a client or relay that retries would otherwise send it twice), and
 * every refusal during the stop is a {@code 503} with {@code Retry-After}.
 */
abstract class CrashSafetyScenario {

    static final int PLAYERS = 16;
    static final Duration LOAD_BEFORE_STOP = Duration.ofSeconds(6);
    static final String MEDIA_ID_PREFIX = "crash-";
    /** How a refusal during the stop must look: the status, its Retry-After, and the problem type. */
    static final String STOPPING = "503 Retry-After /problems/service-unavailable";

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
        Set<String> refusals = ConcurrentHashMap.newKeySet();

        ServiceProcess service = ServiceProcess.start(name, storeSettings());
        AtomicBoolean stopped = new AtomicBoolean();
        ExecutorService players = Executors.newFixedThreadPool(PLAYERS);
        for (int player = 0; player < PLAYERS; player++) {
            int id = player;
            players.execute(() -> play(service.baseUrl(), id, stopped, acknowledged, startBodies, events,
                    refusals));
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
                if (stop == Stop.SIGTERM) {
                    assertThat(bodies).as("events of %s stored, each answered 204", session.getKey())
                            .containsExactlyInAnyOrderElementsOf(session.getValue());
                }
            }
            if (stop == Stop.SIGTERM) {
                List<String> storedSessions = store.list(new SessionQuery(Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        1_000_000)).toCompletableFuture().join().stream()
                        .filter(kept -> kept.session().mediaId().startsWith(MEDIA_ID_PREFIX))
                        .map(kept -> kept.session().id()).toList();
                assertThat(storedSessions).as("sessions stored, each answered 201")
                        .containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
                // Players go on sending after the grace: they are refused, each the same way.
                assertThat(refusals).as("answers other than 201 and 204 during the stop").containsExactly(STOPPING);
            }
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** One player: opens a session, sends pings, opens another, until told to stop or the service dies. */
    private static void play(String baseUrl, int player, AtomicBoolean stop, Map<String, Set<String>> acknowledged,
            Map<String, String> startBodies, AtomicLong events, Set<String> refusals) {
        // HTTP/1.1 as players speak it: on HTTP/2 the JDK 17 client fails every stream of a connection that gets a
        // GOAWAY (Quarkus sends one once stopping), even those the server goes on to answer and store.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long ts = 1_509_045_324_153L;
        try {
            while (!stop.get()) {
                ObjectNode start = Spec.example("SessionStartSample");
                start.with("params").put("media.id", MEDIA_ID_PREFIX + player + "-" + ts);
                HttpResponse<String> created = post(http, baseUrl + Api.SESSIONS, start.toString());
                if (created.statusCode() != 201) {
                    refusals.add(describe(created));
                    continue;
                }
                String session = Api.idOf(created.headers().firstValue("Location").orElseThrow());
                Set<String> sent = ConcurrentHashMap.newKeySet();
                startBodies.put(session, start.toString());
                acknowledged.put(session, sent);
                for (int i = 0; i < 20 && !stop.get(); i++) {
                    String ping = Api.event("ping", i * 10.0, ++ts).toString();
                    HttpResponse<String> answer = post(http, baseUrl + Api.eventsPath(session), ping);
                    if (answer.statusCode() == 204) {
                        sent.add(ping);
                        events.incrementAndGet();
                    } else {
                        refusals.add(describe(answer));
                    }
                }
            }
        } catch (Exception dead) {
            // The service was stopped: whatever had no answer was never acknowledged.
        }
    }

    /** "503 Retry-After /problems/service-unavailable": the status, whether Retry-After came, the problem type. */
    private static String describe(HttpResponse<String> refusal) throws Exception {
        String type = refusal.body().isEmpty() ? "(no body)" : Spec.JSON.readTree(refusal.body()).path("type").asText();
        return refusal.statusCode() + (refusal.headers().firstValue("Retry-After").isPresent() ? " Retry-After " : " ")
                + type;
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
