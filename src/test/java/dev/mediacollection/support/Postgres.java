package dev.mediacollection.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server the {@code postgresql} tests run against (.ci/run installs and starts one). Set
 * {@code MC_TEST_POSTGRESQL_URL}, {@code _USER} and {@code _PASSWORD}, or the matching {@code mc.test.postgresql.*}
 * system properties; the defaults are those .ci/run creates. An unreachable server fails the tests: they never skip.
 */
public final class Postgres {

    public static final String URL = setting("url", "jdbc:postgresql://127.0.0.1:5432/mc");
    public static final String USER = setting("user", "mc");
    public static final String PASSWORD = setting("password", "mc");

    private Postgres() {
    }

    public static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(URL);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    /** An empty database: the schema is dropped, for the store to migrate it again. */
    public static void reset() {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + URL + " as " + USER
                    + " (see .ci/run for how it is set up)", e);
        }
    }

    /** The settings that point a service process at this database. */
    public static Map<String, String> serviceSettings() {
        return Map.of("quarkus.datasource.jdbc.url", URL, "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty("mc.test.postgresql." + name);
        if (value == null) {
            value = System.getenv("MC_TEST_POSTGRESQL_" + name.toUpperCase());
        }
        return value == null ? fallback : value;
    }
}
