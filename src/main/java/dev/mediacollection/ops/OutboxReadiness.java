package dev.mediacollection.ops;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.mediacollection.stream.RelayStatus;
import dev.mediacollection.stream.Relays;

/**
 * How far each relay lags behind the store, in readiness' details. Always up: a destination that is down or behind
 * never keeps players from being served, since the store keeps everything until it is relayed; alert on the
 * {@code mc_outbox_*} metrics instead.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    static final String NAME = "outbox";

    private final Relays relays;

    OutboxReadiness(Relays relays) {
        this.relays = relays;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (RelayStatus status : relays.statuses()) {
            String prefix = status.destination() + ".";
            response.withData(prefix + "relaying", status.relaying())
                    .withData(prefix + "pending", status.pending())
                    .withData(prefix + "oldestPendingSeconds", status.oldestAge().toSeconds())
                    .withData(prefix + "failuresInARow", status.failuresInARow());
            status.lastFailure().ifPresent(reason -> response.withData(prefix + "lastFailure", reason));
        }
        return response.build();
    }
}
