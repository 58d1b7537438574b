package dev.mediacollection.config;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.quarkus.runtime.StartupEvent;

/**
 * The bounds of the numeric settings, checked by Hibernate Validator as the service starts, before anything uses
 * them. They are not constraints on {@link CollectorConfig} itself: a constraint on any config mapping makes Quarkus
 * build a validator for every mapping of the application (its own 140 included), 1.2 s of CPU at every start, the
 * largest single cost of start-up (docs/performance.md). These records mirror the mapping's paths, so that a
 * violation's path is the setting's name.
 */
record SettingBounds(@Valid Limits limits, @Valid Lint lint, @Valid Reports reports, @Valid Relay relay,
        @Valid Stream stream, @Valid Inspection inspection, @Valid Store store) {

    record Limits(@Min(1) int maxInFlight) {
    }

    record Lint(@Min(0) int cacheEvents) {
    }

    record Reports(@Min(1) @Max(10_000) int finaliseBatch) {
    }

    record Relay(@Min(1) @Max(1_000) int connections, @Min(1) @Max(10_000) int batchSize) {
    }

    record Stream(@Min(1) @Max(10_000) int batchSize) {
    }

    record Inspection(@Min(0) @Max(100_000) int rejections) {
    }

    record Store(@Min(1) int readThreads, @Valid GroupCommit groupCommit, @Valid Memory memory) {
    }

    record GroupCommit(@Min(1) int writers, @Min(1) int maxBatch, @Min(1) int queueCapacity) {
    }

    record Memory(@Min(1) @Max(100_000_000) int maxSessions, @Min(1) long maxEvents) {
    }

    static SettingBounds of(CollectorConfig config) {
        CollectorConfig.Store store = config.store();
        CollectorConfig.Store.GroupCommit groupCommit = store.groupCommit();
        return new SettingBounds(new Limits(config.limits().maxInFlight()), new Lint(config.lint().cacheEvents()),
                new Reports(config.reports().finaliseBatch()),
                new Relay(config.relay().connections(), config.relay().batchSize()),
                new Stream(config.stream().batchSize()), new Inspection(config.inspection().rejections()),
                new Store(store.readThreads(),
                        new GroupCommit(groupCommit.writers(), groupCommit.maxBatch(), groupCommit.queueCapacity()),
                        new Memory(store.memory().maxSessions(), store.memory().maxEvents())));
    }

    /** Every setting out of its bounds, one a line, by name: empty when all are within them. */
    static String violations(Set<ConstraintViolation<SettingBounds>> violations) {
        return violations.stream()
                .map(violation -> "mc." + kebabCase(violation.getPropertyPath().toString()) + " is "
                        + violation.getInvalidValue() + ": " + violation.getMessage())
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("\n"));
    }

    private static String kebabCase(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Runs first among the start-up observers: the store and the stream, started after it, read these settings. */
    @Singleton
    static class Check {

        void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started,
                Validator validator, CollectorConfig config) {
            String violations = violations(validator.validate(of(config)));
            if (!violations.isEmpty()) {
                throw new SettingsOutOfBoundsException(violations);
            }
        }
    }

    /** Stops the start: the service does not run on a setting it cannot use. */
    static final class SettingsOutOfBoundsException extends RuntimeException {

        SettingsOutOfBoundsException(String violations) {
            super("Settings out of their bounds (docs/configuration.md):\n" + violations, null, false, false);
        }
    }
}
