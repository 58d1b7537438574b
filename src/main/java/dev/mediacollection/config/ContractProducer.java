package dev.mediacollection.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.mediacollection.validation.Contract;

/** Compiles the request rules from the published OpenAPI document, the same file served at /q/openapi. */
public class ContractProducer {

    static final String SPEC_RESOURCE = "META-INF/openapi.yaml";

    @Produces
    @Singleton
    Contract contract() {
        try (InputStream spec = Thread.currentThread().getContextClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
            if (spec == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " is missing from the classpath");
            }
            return Contract.load(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
