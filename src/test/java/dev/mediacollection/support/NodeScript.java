package dev.mediacollection.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a Node.js program of the test suite, its output shown with the test's, and requires it to succeed. */
public final class NodeScript {

    private NodeScript() {
    }

    /** Fails when the npm packages the scripts of {@code directory} need are not installed (npm ci). */
    public static void requirePackages(Path directory, String packageName) {
        assertThat(directory.resolve("node_modules").resolve(packageName))
                .as("npm packages of %s (run npm ci there)", directory).exists();
    }

    public static void run(String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(arguments).inheritIO().start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("%s finished in time", arguments).isTrue();
        assertThat(process.exitValue()).as("%s exit code (its output is above)", arguments).isZero();
    }
}
