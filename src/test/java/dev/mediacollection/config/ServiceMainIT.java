package dev.mediacollection.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setting typed after {@code -jar quarkus-run.jar} is a program argument the JVM never sees: the packaged service
 * refuses it and says where settings go, instead of starting with the setting ignored. A setting out of its bounds
 * stops it before it listens, naming the setting and the bound.
 */
class ServiceMainIT {

    @Test
    void aSettingAfterTheJarIsRefusedWithWhereItBelongs() throws Exception {
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString(), "-Dquarkus.http.port=8081")
                .redirectErrorStream(true).start();

        assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
        String output = new String(service.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(service.exitValue()).as(output).isEqualTo(ServiceMain.USAGE);
        assertThat(output)
                .contains("would ignore: -Dquarkus.http.port=8081")
                .contains("java -Dquarkus.http.port=8081 -jar target/quarkus-app/quarkus-run.jar")
                .doesNotContain("Listening on");
    }

    @Test
    void aSettingOutOfItsBoundsStopsTheServiceNamingIt(@TempDir Path data) throws Exception {
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-Dmc.store.data-dir=" + data, "-Dmc.store.read-threads=0",
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).start();

        assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
        String output = new String(service.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(service.exitValue()).as(output).isNotZero();
        assertThat(output)
                .contains("mc.store.read-threads is 0: must be greater than or equal to 1")
                .doesNotContain("Listening on");
    }
}
