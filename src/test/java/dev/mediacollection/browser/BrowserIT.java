package dev.mediacollection.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mediacollection.support.NodeScript;
import dev.mediacollection.support.ScriptedUpstream;
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

    @Test
    void aPlayerOnAnotherOriginPostsWithoutContentTypeAndKeepsItsSession() throws Exception {
        run("no-content-type.mjs");
    }

    @Test
    void theInspectorOpensTheTabItsAddressNames() throws Exception {
        run("inspector-tabs.mjs");
    }

    /** Relaying to an upstream that refuses the sessions whose media.id starts with "refuse-". */
    @Test
    void theInspectorShowsWhereEachSessionStandsUpstream() throws Exception {
        try (ScriptedUpstream upstream = ScriptedUpstream.start()) {
            upstream.script(request -> request.body().contains("\"refuse-") ? Optional.of(ScriptedUpstream.Answer
                    .status(400, "{\"title\":\"Bad Request\",\"detail\":\"this media.id is refused\"}"))
                    : Optional.empty());
            run("inspector-upstream.mjs", Map.of("mc.relay.url", upstream.url()));
        }
    }

    @Test
    void swaggerUiTriesTheContractOut() throws Exception {
        run("swagger-ui.mjs");
    }

    @Test
    void theInspectorMarksSessionFindingsOnTheirEvents() throws Exception {
        run("inspector-lint.mjs", Map.of("mc.lint.interval", "1S"));
    }

    @Test
    void theInspectorDrawsASessionsTimelineFromItsEvents() throws Exception {
        run("timeline-chart.mjs");
    }

    @Test
    void theInspectorChartsTheReportsAsSessionsArrive() throws Exception {
        run("reports-charts.mjs");
    }

    private static void run(String script) throws IOException, InterruptedException {
        run(script, Map.of());
    }

    private static void run(String script, Map<String, String> settings) throws IOException, InterruptedException {
        NodeScript.requirePackages(SCRIPTS, "playwright-core");
        Path data = Files.createTempDirectory(Path.of("target"), "browser-data").toAbsolutePath();
        Map<String, String> all = new HashMap<>(settings);
        all.put("mc.store.data-dir", data.toString());
        try (ServiceProcess service = ServiceProcess.start("browser", all)) {
            NodeScript.run("node", SCRIPTS.resolve(script).toString(), service.baseUrl(), SCREENSHOTS.toString());
        }
    }
}
