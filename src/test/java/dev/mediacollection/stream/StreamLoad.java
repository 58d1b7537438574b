package dev.mediacollection.stream;

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
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;

/**
 * Players that open sessions and send pings, on their own threads, through whichever instances {@code targets}
 * names, until stopped; they keep what was acknowledged (each session's {@code sessionStart} and every ping that got
 * its 204) and count the answers that were neither 201 nor 204.
 */
final class StreamLoad implements AutoCloseable {

    static final int PINGS_PER_SESSION = 15;

    /** Session id to the bodies acknowledged for it: its sessionStart first, then its pings. */
    final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
    final AtomicLong events = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService players;

    StreamLoad(int players, Supplier<List<String>> targets) {
        this.players = Executors.newFixedThreadPool(players);
        for (int player = 0; player < players; player++) {
            int id = player;
            this.players.execute(() -> play(id, targets));
        }
    }

    private void play(int player, Supplier<List<String>> targets) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long ts = 1_509_045_324_153L;
        int turn = 0;
        while (!stop.get()) {
            List<String> instances = targets.get();
            ObjectNode start = Spec.example("SessionStartSample");
            start.with("params").put("media.id", "stream-" + player + "-" + ts);
            HttpResponse<String> created = post(http, instances.get(turn++ % instances.size()) + Api.SESSIONS,
                    start.toString());
            if (created == null || created.statusCode() != 201) {
                continue;
            }
            String session = Api.idOf(created.headers().firstValue("Location").orElseThrow());
            Set<String> kept = ConcurrentHashMap.newKeySet();
            kept.add(start.toString());
            acknowledged.put(session, kept);
            for (int i = 0; i < PINGS_PER_SESSION && !stop.get(); i++) {
                String ping = Api.event("ping", i * 10.0, ++ts).toString();
                HttpResponse<String> answer = post(http, instances.get(turn++ % instances.size())
                        + Api.eventsPath(session), ping);
                if (answer != null && answer.statusCode() == 204) {
                    kept.add(ping);
                    events.incrementAndGet();
                }
            }
        }
    }

    private HttpResponse<String> post(HttpClient http, String url, String body) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201 && answer.statusCode() != 204) {
                refused.incrementAndGet();
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            return null;
        } catch (Exception unanswered) {
            // A stopped service: what had no answer was never acknowledged.
            this.unanswered.incrementAndGet();
            return null;
        }
    }

    long acknowledgedWrites() {
        return acknowledged.values().stream().mapToLong(Set::size).sum();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        players.shutdown();
        if (!players.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The players did not stop");
        }
    }
}
