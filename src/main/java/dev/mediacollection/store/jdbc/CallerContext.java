package dev.mediacollection.store.jdbc;

import java.util.concurrent.CompletableFuture;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Where a caller is waiting for a result. Requests are served on Vert.x event loops; completing their futures there,
 * rather than on a store thread, keeps the response work off the store's few threads (the embedded store has one
 * writer) and on the thread the request belongs to.
 */
final class CallerContext {

    private final Context context;

    private CallerContext(Context context) {
        this.context = context;
    }

    /**
     * The context of the current thread if it is an event loop. A worker thread (a scheduled job, which Quarkus runs
     * with its event loop's context) waits for its result where it is: handing the result to the event loop would
     * leave it waiting for ever if that loop is busy waiting for the worker, or closed at shutdown.
     */
    static CallerContext current() {
        return new CallerContext(Context.isOnEventLoopThread() ? Vertx.currentContext() : null);
    }

    <T> void complete(CompletableFuture<T> future, T value) {
        if (context == null) {
            future.complete(value);
        } else {
            context.runOnContext(ignored -> future.complete(value));
        }
    }

    <T> void fail(CompletableFuture<T> future, Throwable failure) {
        if (context == null) {
            future.completeExceptionally(failure);
        } else {
            context.runOnContext(ignored -> future.completeExceptionally(failure));
        }
    }
}
