package dev.mediacollection.store.jdbc;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The schema migrations under {@code db/migration}, handed to Flyway by name instead of found by its classpath scan:
 * a native image cannot list a classpath directory, so the scan would find no migration there and the service would
 * start on an empty database. {@code MigrationsTest} keeps {@link #FILES} equal to the directory. Java migrations
 * are listed here too, as instances: Flyway's search for them is a classpath scan as well.
 */
final class Migrations implements ResourceProvider {

    static final String LOCATION = "db/migration";
    static final List<String> FILES = List.of("V1__sessions_and_events.sql", "V2__write_probe.sql",
            "V3__session_end_ts.sql", "V4__findings.sql", "V5__outbox.sql", "V7__relay_sessions.sql",
            "V8__session_findings.sql", "V9__open_sessions_by_creation.sql");

    /** The migrations written in Java, for the database {@code dialect} speaks. */
    static JavaMigration[] javaMigrations(SqlDialect dialect) {
        return new JavaMigration[] { new SessionMetricsMigration(dialect) };
    }

    @Override
    public LoadableResource getResource(String name) {
        return FILES.contains(name) ? new MigrationFile(name) : null;
    }

    /** Flyway asks by file-name prefix and suffixes: {@code V} and {@code .sql} for versioned migrations, etc. */
    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return FILES.stream()
                .filter(file -> file.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(file::endsWith))
                .<LoadableResource>map(MigrationFile::new)
                .toList();
    }

    private static final class MigrationFile extends LoadableResource {

        private final String file;

        MigrationFile(String file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            InputStream content = Migrations.class.getClassLoader().getResourceAsStream(getAbsolutePath());
            if (content == null) {
                throw new FlywayException(getAbsolutePath() + " is missing from the classpath");
            }
            return new InputStreamReader(content, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return LOCATION + "/" + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return file;
        }

        /** What Flyway's own scan names it (relative to the location): the script recorded in its history table. */
        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
