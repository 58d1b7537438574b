package dev.mediacollection.stream.upstream;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The upstream Media Collection API over HTTP(S), through the Vert.x HTTP client Quarkus already runs (no other HTTP
 * library): requests are sent and answered on the service's event loops, and the relay only waits for the futures.
 * HTTPS is verified against the JVM's trust store, with the host name checked.
 */
final class UpstreamClient implements AutoCloseable {

    private final HttpClient http;
    private final String base;
    private final long timeoutMillis;

    /**
     * @param url         the upstream's base URL, path prefix included ({@code https://ns.hb-api.omtrdc.net},
     *                    {@code https://collector.example.com/va})
     * @param timeout     the longest an attempt may take to get a connection, and then to get each part of the answer
     * @param connections the most requests under way at once (one per session relayed at the same time)
     */
    UpstreamClient(Vertx vertx, URI url, Duration timeout, int connections) {
        this.base = url.toString().replaceAll("/+$", "");
        this.timeoutMillis = timeout.toMillis();
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .setVerifyHost(true)
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
    }

    /** POSTs a JSON body to a path under the base URL; fails on no answer (refused connection, timeout, reset). */
    CompletableFuture<Answer> post(String path, String body) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(base + path)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .setConnectTimeout(timeoutMillis)
                .setTimeout(timeoutMillis);
        return http.request(request)
                .compose(sending -> sending.send(Buffer.buffer(body, StandardCharsets.UTF_8.name()))
                        .compose(response -> response.body().map(answer -> new Answer(response.statusCode(),
                                Optional.ofNullable(response.getHeader(HttpHeaders.LOCATION)),
                                answer.toString(StandardCharsets.UTF_8)))))
                .toCompletionStage().toCompletableFuture();
    }

    @Override
    public void close() {
        http.close();
    }

    /**
     * What the upstream answered.
     *
     * @param status   the HTTP status
     * @param location its {@code Location} header, if any
     * @param body     its body, as text
     */
    record Answer(int status, Optional<String> location, String body) {
    }
}
