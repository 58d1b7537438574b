package dev.mediacollection.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Postgres;
import dev.mediacollection.support.ServiceProcess;
import dev.mediacollection.support.Spec;

/** Several instances behind a load balancer share sessions through PostgreSQL. */
@Tag("postgresql")
class MultiInstanceIT {

    static final long TS = 1_509_045_325_153L;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void emptyDatabase() {
        Postgres.reset();
    }

    /**
     * Sessions expire two seconds after their last event: only for the test of the sweeps, as on a loaded machine
     * two seconds can pass between two requests of one test.
     */
    static Map<String, String> quicklyExpiring() {
        Map<String, String> settings = new HashMap<>(Postgres.serviceSettings());
        settings.put("mc.sessions.idle-timeout", "2S");
        settings.put("mc.sessions.sweep-interval", "0.2S");
        return settings;
    }

    @Test
    void anyInstanceTakesEventsForAnySessionAndSeesItClose() throws Exception {
        try (ServiceProcess a = ServiceProcess.start("instance-a", Postgres.serviceSettings());
                ServiceProcess b = ServiceProcess.start("instance-b", Postgres.serviceSettings())) {
            String session = open(a);

            assertThat(post(b, Api.eventsPath(session), Api.event("play", 0, TS)).statusCode()).isEqualTo(204);
            assertThat(post(a, Api.eventsPath(session), Api.event("ping", 1, TS + 1_000)).statusCode()).isEqualTo(204);
            assertThat(post(b, Api.eventsPath(session), Api.event("sessionEnd", 2, TS + 2_000)).statusCode())
                    .isEqualTo(204);

            assertThat(post(a, Api.eventsPath(session), Api.event("ping", 3, TS + 3_000)).statusCode()).isEqualTo(410);
            assertThat(eventSequences(session)).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void eventsOfOneSessionThroughBothInstancesAreAllKeptInOneOrder() throws Exception {
        try (ServiceProcess a = ServiceProcess.start("instance-a", Postgres.serviceSettings());
                ServiceProcess b = ServiceProcess.start("instance-b", Postgres.serviceSettings())) {
            String session = open(a);
            List<Thread> players = new ArrayList<>();
            for (ServiceProcess instance : List.of(a, b, a, b)) {
                Thread player = new Thread(() -> {
                    for (int i = 0; i < 50; i++) {
                        try {
                            post(instance, Api.eventsPath(session), Api.event("ping", i, TS + i));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                players.add(player);
                player.start();
            }
            for (Thread player : players) {
                player.join();
            }

            assertThat(eventSequences(session)).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList());
        }
    }

    @Test
    void bothSweepsExpireAnIdleSessionOnceWithoutFighting() throws Exception {
        try (ServiceProcess a = ServiceProcess.start("instance-a", quicklyExpiring());
                ServiceProcess b = ServiceProcess.start("instance-b", quicklyExpiring())) {
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                sessions.add(open(i % 2 == 0 ? a : b));
            }

            await().atMost(Duration.ofSeconds(15)).until(() -> expired(sessions) == sessions.size());

            assertThat(post(b, Api.eventsPath(sessions.get(0)), Api.event("ping", 1, TS)).statusCode()).isEqualTo(410);
        }
        for (String line : java.nio.file.Files.readAllLines(latestLog("instance-a"))) {
            assertThat(line).doesNotContain("ERROR");
        }
        for (String line : java.nio.file.Files.readAllLines(latestLog("instance-b"))) {
            assertThat(line).doesNotContain("ERROR");
        }
    }

    private String open(ServiceProcess instance) throws Exception {
        HttpResponse<String> created = post(instance, Api.SESSIONS, Spec.example("SessionStartSample"));
        assertThat(created.statusCode()).isEqualTo(201);
        return Api.idOf(created.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> post(ServiceProcess instance, String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<Long> eventSequences(String session) throws Exception {
        List<Long> sequences = new ArrayList<>();
        try (Connection connection = Postgres.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT seq FROM events WHERE session_id = ? ORDER BY seq")) {
            select.setString(1, session);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sequences.add(rows.getLong(1));
                }
            }
        }
        return sequences;
    }

    private static int expired(List<String> sessions) throws Exception {
        try (Connection connection = Postgres.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM sessions WHERE state = 'EXPIRED' AND close_cause = 'IDLE'")) {
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static java.nio.file.Path latestLog(String name) throws Exception {
        try (var logs = java.nio.file.Files.list(java.nio.file.Path.of("target"))) {
            return logs.filter(path -> path.getFileName().toString().startsWith("service-" + name + "-"))
                    .max(java.util.Comparator.comparing(path -> path.toFile().lastModified())).orElseThrow();
        }
    }
}
