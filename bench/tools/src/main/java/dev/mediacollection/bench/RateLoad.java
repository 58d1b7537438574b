package dev.mediacollection.bench;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

        // One event loop: sends and answers are handled on it in order, so the histograms need no locking.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost(url.getHost()).setDefaultPort(url.getPort()).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections));
        SplittableRandom random = new SplittableRandom(42);
        // The warm-up has its own schedule: a generator still being compiled falls behind it, and that backlog must
        // not count against the server in the measured seconds.
        new Phase(vertx, client, workload, random, rate, warmUpSeconds).run();
        Phase measured = new Phase(vertx, client, workload, random, rate, seconds);
        measured.run();
        measured.print();
        vertx.close();
    }

    /** Sends {@code rate × seconds} requests on schedule, then waits for their answers. */
    private static final class Phase {

        private final Vertx vertx;
        private final HttpClient client;
        private final Workload workload;
        private final SplittableRandom random;
        private final double seconds;
        private final long total;
        private final long intervalNanos;
        private final Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        /** How late the generator itself sent each request: if it is often late, it measured itself. */
        private final Histogram sendLag = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        private final CountDownLatch answered;
        private long non2xx;
        private long errors;
        private long sent;

        Phase(Vertx vertx, HttpClient client, Workload workload, SplittableRandom random, double rate,
                double seconds) {
            this.vertx = vertx;
            this.client = client;
            this.workload = workload;
            this.random = random;
            this.seconds = seconds;
            this.total = (long) (rate * seconds);
            this.intervalNanos = (long) (1e9 / rate);
            this.answered = new CountDownLatch((int) total);
        }

        void run() throws InterruptedException {
            long start = System.nanoTime();
            vertx.setPeriodic(1, timer -> {
                long now = System.nanoTime();
                while (sent < total && start + sent * intervalNanos <= now) {
                    send(start + sent * intervalNanos, now);
                    sent++;
                }
                if (sent == total) {
                    vertx.cancelTimer(timer);
                }
            });
            if (!answered.await((long) (seconds * 1e9) + GRACE_NANOS, TimeUnit.NANOSECONDS)) {
                errors += answered.getCount(); // unanswered 10 s after the last was due
            }
        }

        private void send(long due, long now) {
            sendLag.recordValue(Math.min(now - due, sendLag.getHighestTrackableValue()));
            Workload.Request request = workload.next(random);
            client.request(HttpMethod.POST, request.path())
                    .compose(outgoing -> outgoing.putHeader("Content-Type", "application/json")
                            .send(Buffer.buffer(request.body())))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .onComplete(result -> {
                        if (result.failed()) {
                            errors++;
                        } else {
                            latencies.recordValue(Math.min(System.nanoTime() - due,
                                    latencies.getHighestTrackableValue()));
                            if (result.result() / 100 != 2) {
                                non2xx++;
                            }
                        }
                        answered.countDown();
                    });
        }

        /** Prints the RESULT line, read on the event loop where the figures were written. */
        void print() throws InterruptedException {
            CountDownLatch printed = new CountDownLatch(1);
            vertx.runOnContext(ignored -> {
                long requests = latencies.getTotalCount();
                System.out.printf("RESULT %d %.0f %.2f %.2f %.2f %d %d%n", requests, requests / seconds,
                        latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6,
                        latencies.getValueAtPercentile(99.9) / 1e6, non2xx, errors);
                if (sendLag.getValueAtPercentile(99) > TimeUnit.MILLISECONDS.toNanos(2)) {
                    System.err.printf("RateLoad: behind its own schedule (p99 %.1f ms late): the latencies include"
                            + " the generator's delay, not only the server's%n",
                            sendLag.getValueAtPercentile(99) / 1e6);
                }
                printed.countDown();
            });
            printed.await();
        }
    }
}
