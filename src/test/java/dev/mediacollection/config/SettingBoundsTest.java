package dev.mediacollection.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.runtime.configuration.PathConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A numeric setting out of its bounds stops the configuration from being read, naming the setting and the bound. */
class SettingBoundsTest {

    @Test
    void theDefaultsAreWithinTheirBounds() throws IOException {
        assertThat(read(Map.of()).store().readThreads()).isEqualTo(4);
    }

    @Test
    void everySettingOutOfItsBoundsIsNamedWithTheBound() {
        assertThatThrownBy(() -> read(Map.of(
                "mc.inspection.rejections", "100001",
                "mc.limits.max-in-flight", "0",
                "mc.store.read-threads", "0",
                "mc.store.group-commit.writers", "0",
                "mc.store.group-commit.max-batch", "-1",
                "mc.store.group-commit.queue-capacity", "0",
                "mc.store.memory.max-sessions", "100000001",
                "mc.store.memory.max-events", "0")))
                .isInstanceOfSatisfying(ConfigValidationException.class, failure -> assertThat(failure.getMessage())
                        .contains("mc.inspection.rejections is 100001; it must be at most 100000")
                        .contains("mc.limits.max-in-flight is 0; it must be at least 1")
                        .contains("mc.store.read-threads is 0; it must be at least 1")
                        .contains("mc.store.group-commit.writers is 0; it must be at least 1")
                        .contains("mc.store.group-commit.max-batch is -1; it must be at least 1")
                        .contains("mc.store.group-commit.queue-capacity is 0; it must be at least 1")
                        .contains("mc.store.memory.max-sessions is 100000001; it must be at most 100000000")
                        .contains("mc.store.memory.max-events is 0; it must be at least 1"));
    }

    @Test
    void theBoundsThemselvesAreAccepted() throws IOException {
        CollectorConfig config = read(Map.of("mc.inspection.rejections", "0", "mc.store.read-threads", "1",
                "mc.store.memory.max-sessions", "100000000"));

        assertThat(config.inspection().rejections()).isZero();
        assertThat(config.store().memory().maxSessions()).isEqualTo(100_000_000);
    }

    /** The service's application.properties with the given settings over it, read as Quarkus reads them. */
    private static CollectorConfig read(Map<String, String> settings) throws IOException {
        URL defaults = Path.of("src", "main", "resources", "application.properties").toUri().toURL();
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(defaults, 100), new PropertiesConfigSource(settings, "test", 200))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withConverter(Path.class, 200, new PathConverter())
                .withMapping(CollectorConfig.class)
                .withCustomizers(new SettingBounds())
                .build();
        return config.getConfigMapping(CollectorConfig.class);
    }
}
