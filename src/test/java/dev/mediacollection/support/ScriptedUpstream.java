package dev.mediacollection.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A real HTTP server in the test's JVM that answers the Media Collection API's requests as the test scripts it, and
 * keeps every request it received: for what another instance of the service would never answer (a {@code 400} to
 * one session, a {@code 500} to another, no answer at all). Unscripted, it answers as Adobe documents: {@code 201}
 * with a {@code Location} naming a new session, {@code 204} to an event, {@code 201} to a downloaded session.
 */
public final class ScriptedUpstream implements AutoCloseable {

    /**
     * A request as received.
     *
     * @param number  its place among the requests received, from 0
     * @param path    its path
     * @param body    its body, as sent
     * @param session the id this server gave the session the request is about (events); empty for a new session
     */
    public record Request(int number, String path, String body, Optional<String> session) {

        public boolean opensASession() {
            return path.endsWith("/api/v1/sessions") || path.endsWith("/api/v1/downloaded");
        }
    }

    /**
     * An answer.
     *
     * @param status  its status; 0: no answer at all (the request hangs until the client gives up)
     * @param headers its headers
     * @param body    its body
     */
    public record Answer(int status, Map<String, String> headers, String body) {

        public static Answer status(int status, String body) {
            return new Answer(status, Map.of(), body);
        }

        public static final Answer NONE = new Answer(0, Map.of(), "");
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Request> received = new ArrayList<>();
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile Function<Request, Optional<Answer>> script = request -> Optional.empty();
    private volatile Duration delay = Duration.ZERO;
    private int mostInFlight;
    private int mostInFlightPerSession;
    private int inFlightNow;

    private ScriptedUpstream() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public static ScriptedUpstream start() {
        try {
            return new ScriptedUpstream();
        } catch (Exception e) {
            throw new IllegalStateException("The scripted upstream did not start", e);
        }
    }

    /** Its base URL, as {@code mc.relay.url} takes it. */
    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Answers what the script answers; a request it returns empty for gets the documented answer. */
    public void script(Function<Request, Optional<Answer>> script) {
        this.script = script;
    }

    /** Answers each request only after this long. */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    public synchronized List<Request> received() {
        return List.copyOf(received);
    }

    /** Every request about the session this server named {@code session}, the one that opened it first. */
    public synchronized List<Request> receivedFor(String session) {
        return received.stream().filter(request -> request.session().map(session::equals)
                .orElseGet(() -> opened(request).equals(Optional.of(session)))).toList();
    }

    /** The most requests it answered at once, and the most about one session at once. */
    public synchronized int mostInFlight() {
        return mostInFlight;
    }

    public synchronized int mostInFlightPerSession() {
        return mostInFlightPerSession;
    }

    /** The sessions it opened by the number of the request that opened each. */
    private final Map<Integer, String> openedAs = new HashMap<>();

    private synchronized Optional<String> opened(Request request) {
        return Optional.ofNullable(openedAs.get(request.number()));
    }

    private void handle(HttpServerRequest http) {
        http.body().onSuccess(buffer -> {
            String path = http.path();
            Optional<String> session = path.matches(".*/sessions/[^/]+/events")
                    ? Optional.of(path.replaceAll(".*/sessions/([^/]+)/events", "$1")) : Optional.empty();
            Request request;
            synchronized (this) {
                request = new Request(received.size(), path, buffer.toString(StandardCharsets.UTF_8), session);
                received.add(request);
                inFlightNow++;
                int forSession = inFlight.merge(key(request), 1, Integer::sum);
                mostInFlight = Math.max(mostInFlight, inFlightNow);
                mostInFlightPerSession = Math.max(mostInFlightPerSession, forSession);
            }
            Answer answer = script.apply(request).orElseGet(() -> documented(request));
            if (answer.status() == 0) {
                return;
            }
            Runnable respond = () -> {
                synchronized (this) {
                    inFlightNow--;
                    inFlight.merge(key(request), -1, Integer::sum);
                }
                answer.headers().forEach(http.response()::putHeader);
                http.response().setStatusCode(answer.status()).end(answer.body());
            };
            if (delay.isZero()) {
                respond.run();
            } else {
                vertx.setTimer(delay.toMillis(), timer -> respond.run());
            }
        });
    }

    private static String key(Request request) {
        return request.session().orElse("opening " + request.number());
    }

    /** As Adobe documents: a new session is named in the {@code Location}, 64 hex digits. */
    private Answer documented(Request request) {
        if (!request.opensASession()) {
            return Answer.status(204, "");
        }
        String id = "%064x".formatted(sessions.incrementAndGet());
        synchronized (this) {
            openedAs.put(request.number(), id);
        }
        return new Answer(201, Map.of("Location", "/api/v1/sessions/" + id), "");
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * One for the application under test of a {@code @QuarkusTest} whose profile lists this resource: started before
     * the application, which relays to it ({@code mc.relay.url}), and put into the test's field marked
     * {@link Injected}.
     */
    public static final class Resource implements QuarkusTestResourceLifecycleManager {

        private ScriptedUpstream upstream;

        @Override
        public Map<String, String> start() {
            upstream = ScriptedUpstream.start();
            return Map.of("mc.relay.url", upstream.url());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(upstream, new TestInjector.AnnotatedAndMatchesType(Injected.class,
                    ScriptedUpstream.class));
        }

        @Override
        public void stop() {
            try {
                upstream.close();
            } catch (Exception e) {
                throw new IllegalStateException("The scripted upstream did not stop", e);
            }
        }
    }

    /** Marks the test's field that gets the {@link Resource}'s upstream. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Injected {
    }
}
