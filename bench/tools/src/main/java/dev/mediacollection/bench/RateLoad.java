package dev.mediacollection.bench;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

/**
 * Open-loop load at a fixed arrival rate: request {@code i} is due at {@code start + i / rate}, whether or not
 * earlier ones were answered, and its latency counts from that due time. A closed-loop generator (wrk) waits for
 * answers before sending more, so a slow server is offered less load and its queueing never shows in the
 * percentiles (coordinated omission); here it does.
 *
 * <pre>java -cp … dev.mediacollection.bench.RateLoad url workload-file bodies-dir sessions-file rate seconds [warm-up-seconds [connections]]</pre>
 *
 * The warm-up (default 5 s) runs at the same rate before the measured seconds and is not recorded: until the JIT has
 * compiled the generator itself, it could not keep its own schedule.
 *
 * Prints the line {@code bench/wrk/report.lua} prints: {@code RESULT requests req/s p50 p99 p99.9 non-2xx errors}
 * (latencies in ms), where errors counts connection failures and requests unanswered 10 s after the run.
 */
public final class RateLoad {

    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: RateLoad url workload-file bodies-dir sessions-file rate seconds"
                    + " [warm-up-seconds [connections]]");
            System.exit(2);
        }
        java.net.URI url = java.net.URI.create(args[0]);
        Workload workload = new Workload(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        double rate = Double.parseDouble(args[4]);
        double seconds = Double.parseDouble(args[5]);
        double warmUpSeconds = args.length > 6 ? Double.parseDouble(args[6]) : 5;
        int connections = args.length > 7 ? Integer.parseInt(args[7]) : 256;
        long warmUp = (long) (rate * warmUpSeconds);
        long total = warmUp + (long) (rate * seconds);

        // One event loop: sends and answers are handled on it in order, so the histogram needs no locking.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost(url.getHost()).setDefaultPort(url.getPort()).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections));
        Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong non2xx = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch answered = new CountDownLatch((int) total);
        SplittableRandom random = new SplittableRandom(42);
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long[] sent = { 0 };

        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (sent[0] < total && start + sent[0] * intervalNanos <= now) {
                long due = start + sent[0] * intervalNanos;
                boolean measured = sent[0] >= warmUp;
                sent[0]++;
                Workload.Request request = workload.next(random);
                client.request(HttpMethod.POST, request.path())
                        .compose(outgoing -> outgoing.putHeader("Content-Type", "application/json")
                                .send(Buffer.buffer(request.body())))
                        .compose(response -> response.body().map(ignored -> response.statusCode()))
                        .onComplete(result -> {
                            if (measured) { // the warm-up is neither timed nor counted
                                if (result.failed()) {
                                    errors.incrementAndGet();
                                } else {
                                    latencies.recordValue(Math.min(System.nanoTime() - due,
                                            latencies.getHighestTrackableValue()));
                                    if (result.result() / 100 != 2) {
                                        non2xx.incrementAndGet();
                                    }
                                }
                            }
                            answered.countDown();
                        });
            }
            if (sent[0] == total) {
                vertx.cancelTimer(timer);
            }
        });

        boolean finished = answered.await((long) ((warmUpSeconds + seconds) * 1e9) + GRACE_NANOS,
                TimeUnit.NANOSECONDS);
        long unanswered = finished ? 0 : answered.getCount();
        // Read on the event loop, where the histogram is written.
        vertx.runOnContext(ignored -> {
            long requests = latencies.getTotalCount();
            System.out.printf("RESULT %d %.0f %.2f %.2f %.2f %d %d%n", requests, requests / seconds,
                    latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6,
                    latencies.getValueAtPercentile(99.9) / 1e6, non2xx.get(), errors.get() + unanswered);
            vertx.close();
        });
    }
}
