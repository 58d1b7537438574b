package dev.mediacollection.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mediacollection.support.NodeScript;
import dev.mediacollection.support.ServiceProcess;

/**
 * Every endpoint and documented status of the packaged service, through Stoplight Prism (pinned in
 * src/test/contract/package.json) in proxy mode: no response may fall outside the contract. Runs with
 * {@code -Pnode} (as .ci/run does, after npm ci); fails, never skips, without the npm packages.
 */
@Tag("node")
class ConformanceIT {

    static final Path PROJECT = Path.of("src", "test", "contract");
    static final String TOKEN = "conformance-token";
    static final int CAPACITY = 40;

    @Test
    void everyExchangeStaysInsideTheContract() throws Exception {
        NodeScript.requirePackages(PROJECT, "@stoplight/prism-cli");
        try (ServiceProcess service = ServiceProcess.start("conformance", Map.of(
                "mc.store.kind", "memory",
                "mc.store.memory.max-sessions", Integer.toString(CAPACITY),
                "mc.inspection.token", TOKEN))) {
            int port = freePort();
            Process prism = new ProcessBuilder("node",
                    PROJECT.resolve("node_modules/@stoplight/prism-cli/dist/index.js").toString(), "proxy",
                    "openapi/openapi.yaml", service.baseUrl(), "--host", "127.0.0.1", "--port", Integer.toString(port))
                    .redirectErrorStream(true).start();
            try {
                awaitListening(prism);
                NodeScript.run("node", PROJECT.resolve("conformance.mjs").toString(), "http://127.0.0.1:" + port,
                        TOKEN, Integer.toString(CAPACITY));
            } finally {
                prism.destroy();
                prism.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(Process prism) throws Exception {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(prism.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    System.out.println("prism: " + line);
                    if (line.contains("Prism is listening")) {
                        listening.complete(null);
                    }
                }
                listening.completeExceptionally(new IllegalStateException("Prism exited: " + prism.waitFor()));
            } catch (Exception e) {
                listening.completeExceptionally(e);
            }
        }, "prism-output");
        reader.setDaemon(true);
        reader.start();
        listening.get(90, TimeUnit.SECONDS);
        assertThat(prism.isAlive()).isTrue();
    }
}
