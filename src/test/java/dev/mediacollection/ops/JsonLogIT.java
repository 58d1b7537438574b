package dev.mediacollection.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.support.ServiceProcess;
import dev.mediacollection.support.Spec;

/** The packaged service logs text by default, and one JSON object per record when asked to. */
class JsonLogIT {

    static final String LISTENING = "Listening on: http://";

    @Test
    void logsAreTextByDefault() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("text-log", Map.of("mc.store.kind", "memory"))) {
            assertThat(service.output()).filteredOn(line -> line.contains(LISTENING)).singleElement()
                    .satisfies(line -> assertThat(line).doesNotStartWith("{").contains("INFO  [io.quarkus]"));
        }
    }

    @Test
    void logsAreJsonWhenSwitchedOn() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("json-log",
                Map.of("mc.store.kind", "memory", "quarkus.log.console.json.enabled", "true"))) {
            String listening = service.output().stream().filter(line -> line.contains(LISTENING))
                    .findFirst().orElseThrow();
            JsonNode record = Spec.JSON.readTree(listening);
            assertThat(record.path("level").asText()).isEqualTo("INFO");
            assertThat(record.path("loggerName").asText()).isEqualTo("io.quarkus");
            assertThat(record.path("message").asText()).contains(LISTENING);
            assertThat(record.has("timestamp")).isTrue();
        }
    }
}
