package dev.mediacollection.clients;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mediacollection.support.NodeScript;
import dev.mediacollection.support.ServiceProcess;

/**
 * The typescript-fetch client OpenAPI Generator makes from the contract (target/generated-clients/typescript),
 * compiled by tsc with src/test/clients/typescript/scenario.ts and run by Node.js against the packaged service.
 * Runs with {@code -Pnode} (as .ci/run does, after npm ci); fails, never skips, without the npm packages.
 */
@Tag("node")
class TypeScriptClientIT {

    static final Path PROJECT = Path.of("src", "test", "clients", "typescript");

    @Test
    void aPlaybackThroughTheGeneratedClient() throws Exception {
        NodeScript.requirePackages(PROJECT, "typescript");
        NodeScript.run("node", PROJECT.resolve("node_modules/typescript/bin/tsc").toString(), "-p", PROJECT.toString());
        Path data = Files.createTempDirectory(Path.of("target"), "typescript-client-data").toAbsolutePath();
        try (ServiceProcess service = ServiceProcess.start("typescript-client",
                Map.of("mc.store.data-dir", data.toString()))) {
            NodeScript.run("node", "target/typescript-client/src/test/clients/typescript/scenario.js",
                    service.baseUrl());
        }
    }
}
