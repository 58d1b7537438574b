package dev.mediacollection.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.validation.Contract;

/**
 * Compiles the request rules from the published OpenAPI document, the same file served at /q/openapi, in the JSON
 * form the build writes beside it: reading the YAML cost 0.3 s of CPU at every start (docs/performance.md).
 */
public class ContractProducer {

    static final String SPEC_RESOURCE = "META-INF/openapi.json";

    @Produces
    @Singleton
    Contract contract() {
        try (InputStream spec = Thread.currentThread().getContextClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
            if (spec == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " is missing from the classpath");
            }
            return Contract.of(new ObjectMapper().readTree(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
