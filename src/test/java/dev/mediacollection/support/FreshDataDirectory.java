package dev.mediacollection.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * An empty data directory of its own for every start of the application under test: each {@code @QuarkusTest}
 * profile (the default one included) and the packaged jar under {@code @QuarkusIntegrationTest}, which gets it as a
 * system property. No test sees what another profile, or an earlier build, left; the directory goes when the
 * application stops.
 */
@WithTestResource(value = FreshDataDirectory.class, scope = TestResourceScope.GLOBAL)
public final class FreshDataDirectory implements QuarkusTestResourceLifecycleManager {

    private Path directory;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "test-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("mc.store.data-dir", directory.toAbsolutePath().toString());
    }

    @Override
    public void stop() {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
