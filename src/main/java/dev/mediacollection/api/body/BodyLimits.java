package dev.mediacollection.api.body;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.config.CollectorConfig;
import dev.mediacollection.validation.Contract;

/**
 * How large a body may be: one event ({@code mc.limits.max-body-size}) or a downloaded session
 * ({@code mc.limits.max-batch-size}). Only operations whose schema takes an array take batches; an object body is
 * held to the single-event limit wherever it arrives.
 */
@ApplicationScoped
public class BodyLimits {

    // Read once: every request consults them.
    private final long single;
    private final long batch;

    BodyLimits(CollectorConfig config) {
        this.single = config.limits().maxBodySize().asLongValue();
        this.batch = Math.max(single, config.limits().maxBatchSize().asLongValue());
    }

    /** The largest body any operation takes: larger ones are refused before they are read. */
    public long largest() {
        return batch;
    }

    /** The most that may be read for an operation. */
    long forOperation(Contract.BodySchema schema) {
        return schema.acceptsArrays() ? batch : single;
    }

    /** The most this body may be, now that its shape is known. */
    long forBody(JsonNode body) {
        return body.isArray() ? batch : single;
    }
}
