package dev.mediacollection.store.jdbc;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;

import dev.mediacollection.support.Postgres;

/** V6 on PostgreSQL, whose JSON functions differ from SQLite's. Runs with {@code ./mvnw verify -Ppostgresql}. */
@Tag("postgresql")
class PostgresSessionMetricsMigrationTest extends SessionMetricsMigrationTest {

    @Override
    protected DataSource dataSource() {
        Postgres.reset();
        return Postgres.dataSource();
    }

    @Override
    protected SqlDialect dialect() {
        return SqlDialect.POSTGRESQL;
    }
}
