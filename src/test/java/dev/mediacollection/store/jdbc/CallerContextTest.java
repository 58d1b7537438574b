package dev.mediacollection.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.store.StoreObserver;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Where the embedded store answers a caller: on the caller's event loop, or, for a worker, where it waits. */
class CallerContextTest {

    @TempDir
    Path dataDir;

    Vertx vertx;
    JdbcSessionStore store;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        store = JdbcStores.embedded(dataDir, new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30),
                Duration.ofSeconds(5)), new GroupCommitSettings(1, 256, Duration.ofMillis(1), 10_000), 2,
                StoreObserver.NONE);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aWorkerWaitingForTheStoreIsAnsweredWhileItsEventLoopWaitsForTheWorker() throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Optional<StoredSession>> found = new CompletableFuture<>();
        CountDownLatch workerDone = new CountDownLatch(1);
        context.runOnContext(ignored -> {
            vertx.executeBlocking(() -> {
                try {
                    // A scheduled job: a worker thread that has its event loop's context, and blocks.
                    found.complete(store.find(SessionIds.next()).toCompletableFuture().get(5, TimeUnit.SECONDS));
                } catch (Exception e) {
                    found.completeExceptionally(e);
                } finally {
                    workerDone.countDown();
                }
                return null;
            });
            try {
                // The event loop busy until the worker is done (a shutdown closing it has the same effect).
                workerDone.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(found.get(15, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aCallerOnAnEventLoopIsAnsweredOnIt() throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Thread> answeredOn = new CompletableFuture<>();
        CompletableFuture<Thread> loop = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            loop.complete(Thread.currentThread());
            store.find(SessionIds.next()).thenRun(() -> answeredOn.complete(Thread.currentThread()));
        });

        assertThat(answeredOn.get(10, TimeUnit.SECONDS)).isSameAs(loop.get());
    }
}
