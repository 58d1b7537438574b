package dev.mediacollection.ops;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.mediacollection.store.SessionStore;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Ready means the store just took a write the way it takes players' writes: an embedded database that is locked,
 * read-only or out of room, a PostgreSQL that refuses or cannot be reached, an in-memory store at capacity all make
 * the service not ready, so that a load balancer sends players elsewhere until it can keep their data again.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements AsyncHealthCheck {

    static final String NAME = "store";

    /** A write that takes longer than this is as good as refused (SQLite waits 10 s for a lock before it fails). */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    private final SessionStore store;

    StoreReadiness(SessionStore store) {
        this.store = store;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(store::proveWritable)
                .ifNoItem().after(PATIENCE)
                .failWith(() -> new IllegalStateException("no write committed within " + PATIENCE.toSeconds() + " s"))
                .map(ignored -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", reason(failure)).build());
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure.getCause() != null && failure.getMessage() == null ? failure.getCause() : failure;
        return cause.getMessage();
    }
}
