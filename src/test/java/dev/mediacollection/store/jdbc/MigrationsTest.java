package dev.mediacollection.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private final Migrations migrations = new Migrations();

    /** A migration added to db/migration but not to the list would silently never run. */
    @Test
    void listsEveryFileOfTheMigrationDirectory() throws IOException, URISyntaxException {
        Path directory = Path.of(getClass().getClassLoader().getResource(Migrations.LOCATION).toURI());
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Migrations.FILES);
        }
    }

    @Test
    void givesFlywayTheVersionedMigrationsByPrefixAndSuffix() throws IOException {
        assertThat(migrations.getResources("V", new String[] {".sql"}))
                .extracting(LoadableResource::getFilename)
                .containsExactlyElementsOf(Migrations.FILES);
        assertThat(migrations.getResources("beforeMigrate", new String[] {".sql"})).isEmpty();

        try (Reader script = migrations.getResource(Migrations.FILES.get(0)).read()) {
            assertThat(script.read()).isNotEqualTo(-1);
        }
    }
}
