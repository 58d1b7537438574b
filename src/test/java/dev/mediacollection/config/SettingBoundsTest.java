package dev.mediacollection.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.runtime.configuration.PathConverter;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Each numeric setting's bounds, as the service's own validator checks them at start-up: a value outside them is
 * named with the bound it breaks, a value on the bound is accepted. (ServiceMainIT: the packaged service stops on one.)
 */
@QuarkusTest
class SettingBoundsTest {

    @Inject
    Validator validator;

    @Test
    void theDefaultsAreWithinTheirBounds() throws IOException {
        assertThat(violations(Map.of())).isEmpty();
    }

    @Test
    void everySettingUnderItsLowerBoundIsNamedWithIt() throws IOException {
        assertThat(violations(Map.ofEntries(
                Map.entry("mc.limits.max-in-flight", "0"),
                Map.entry("mc.lint.cache-events", "-1"),
                Map.entry("mc.reports.finalise-batch", "0"),
                Map.entry("mc.relay.connections", "0"),
                Map.entry("mc.relay.batch-size", "0"),
                Map.entry("mc.stream.batch-size", "0"),
                Map.entry("mc.inspection.rejections", "-1"),
                Map.entry("mc.store.read-threads", "0"),
                Map.entry("mc.store.group-commit.writers", "0"),
                Map.entry("mc.store.group-commit.max-batch", "-1"),
                Map.entry("mc.store.group-commit.queue-capacity", "0"),
                Map.entry("mc.store.memory.max-sessions", "0"),
                Map.entry("mc.store.memory.max-events", "0")))).isEqualTo("""
                mc.inspection.rejections is -1: must be greater than or equal to 0
                mc.limits.max-in-flight is 0: must be greater than or equal to 1
                mc.lint.cache-events is -1: must be greater than or equal to 0
                mc.relay.batch-size is 0: must be greater than or equal to 1
                mc.relay.connections is 0: must be greater than or equal to 1
                mc.reports.finalise-batch is 0: must be greater than or equal to 1
                mc.store.group-commit.max-batch is -1: must be greater than or equal to 1
                mc.store.group-commit.queue-capacity is 0: must be greater than or equal to 1
                mc.store.group-commit.writers is 0: must be greater than or equal to 1
                mc.store.memory.max-events is 0: must be greater than or equal to 1
                mc.store.memory.max-sessions is 0: must be greater than or equal to 1
                mc.store.read-threads is 0: must be greater than or equal to 1
                mc.stream.batch-size is 0: must be greater than or equal to 1""");
    }

    @Test
    void everySettingOverItsUpperBoundIsNamedWithIt() throws IOException {
        assertThat(violations(Map.of(
                "mc.reports.finalise-batch", "10001",
                "mc.relay.connections", "1001",
                "mc.relay.batch-size", "10001",
                "mc.stream.batch-size", "10001",
                "mc.inspection.rejections", "100001",
                "mc.store.memory.max-sessions", "100000001"))).isEqualTo("""
                mc.inspection.rejections is 100001: must be less than or equal to 100000
                mc.relay.batch-size is 10001: must be less than or equal to 10000
                mc.relay.connections is 1001: must be less than or equal to 1000
                mc.reports.finalise-batch is 10001: must be less than or equal to 10000
                mc.store.memory.max-sessions is 100000001: must be less than or equal to 100000000
                mc.stream.batch-size is 10001: must be less than or equal to 10000""");
    }

    @Test
    void theBoundsThemselvesAreAccepted() throws IOException {
        assertThat(violations(Map.ofEntries(
                Map.entry("mc.limits.max-in-flight", "1"),
                Map.entry("mc.lint.cache-events", "0"),
                Map.entry("mc.reports.finalise-batch", "10000"),
                Map.entry("mc.relay.connections", "1000"),
                Map.entry("mc.relay.batch-size", "10000"),
                Map.entry("mc.stream.batch-size", "1"),
                Map.entry("mc.inspection.rejections", "100000"),
                Map.entry("mc.store.read-threads", "1"),
                Map.entry("mc.store.group-commit.writers", "1"),
                Map.entry("mc.store.group-commit.max-batch", "1"),
                Map.entry("mc.store.group-commit.queue-capacity", "1"),
                Map.entry("mc.store.memory.max-sessions", "100000000"),
                Map.entry("mc.store.memory.max-events", "1")))).isEmpty();
    }

    /** The service's application.properties with the given settings over it, read as Quarkus reads them. */
    private String violations(Map<String, String> settings) throws IOException {
        URL defaults = Path.of("src", "main", "resources", "application.properties").toUri().toURL();
        CollectorConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(defaults, 100), new PropertiesConfigSource(settings, "test", 200))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withConverter(Path.class, 200, new PathConverter())
                .withMapping(CollectorConfig.class)
                .build()
                .getConfigMapping(CollectorConfig.class);
        return SettingBounds.violations(validator.validate(SettingBounds.of(config)));
    }
}
