package dev.mediacollection.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mediacollection.support.ServiceProcess;

/**
 * The pages of the service in a real browser: Debian's Chromium driven by playwright-core, scripts in
 * src/test/browser. Runs with {@code -Pbrowser} (as .ci/run does, after installing Chromium and the npm packages);
 * fails, never skips, when either is missing.
 */
@Tag("browser")
class BrowserIT {

    static final Path SCRIPTS = Path.of("src", "test", "browser");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void theInspectorShowsSessionsMetricsAndRejections() throws Exception {
        run("inspector.mjs");
    }

    private static void run(String script) throws IOException, InterruptedException {
        assertThat(SCRIPTS.resolve("node_modules").resolve("playwright-core"))
                .as("npm packages of %s (run npm ci there)", SCRIPTS).exists();
        Path data = Files.createTempDirectory(Path.of("target"), "browser-data").toAbsolutePath();
        try (ServiceProcess service = ServiceProcess.start("browser",
                Map.of("mc.store.data-dir", data.toString()))) {
            Process node = new ProcessBuilder(List.of("node", SCRIPTS.resolve(script).toString(), service.baseUrl(),
                    SCREENSHOTS.toString())).inheritIO().start();
            assertThat(node.waitFor(180, TimeUnit.SECONDS)).as("%s finished in time", script).isTrue();
            assertThat(node.exitValue()).as("%s exit code (its output is above)", script).isZero();
        }
    }
}
