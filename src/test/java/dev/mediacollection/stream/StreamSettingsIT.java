package dev.mediacollection.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.mediacollection.support.ServiceProcess;

/** A stream the service could not keep its promise for is refused at start-up, saying why. */
class StreamSettingsIT {

    @Test
    void theInMemoryStoreCannotCarryTheStream() throws Exception {
        assertThatThrownBy(() -> ServiceProcess.start("stream-memory", Map.of("mc.store.kind", "memory",
                "mc.stream.kind", "kafka", "mc.stream.kafka.bootstrap-servers", "127.0.0.1:9"))).isNotNull();

        assertThat(Files.readString(latestLog("stream-memory")))
                .contains("mc.stream.kind=kafka needs a store that keeps its data")
                .contains("Set mc.store.kind=embedded or postgresql, or mc.stream.kind=none");
    }

    @Test
    void kafkaNeedsItsBrokers() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "stream-settings").toAbsolutePath();
        assertThatThrownBy(() -> ServiceProcess.start("stream-no-brokers", Map.of("mc.store.data-dir",
                dataDir.toString(), "mc.stream.kind", "kafka"))).isNotNull();

        assertThat(Files.readString(latestLog("stream-no-brokers")))
                .contains("mc.stream.kind=kafka needs mc.stream.kafka.bootstrap-servers");
    }

    private static Path latestLog(String name) throws Exception {
        try (Stream<Path> logs = Files.list(Path.of("target"))) {
            return logs.filter(path -> path.getFileName().toString().startsWith("service-" + name + "-"))
                    .max(Comparator.comparing(path -> path.toFile().lastModified())).orElseThrow();
        }
    }
}
