package dev.mediacollection.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded store's SQLite connections are opened with, as SQLite itself reports it. */
class EmbeddedDatabaseSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void theWriterLogsAheadSyncsEveryCommitAndCheckpointsEveryTenThousandPages() throws SQLException {
        try (Connection writer = JdbcStores.sqlite(url(), false).getConnection();
                Statement statement = writer.createStatement()) {
            assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(statement, "synchronous")).as("FULL").isEqualTo("2");
            assertThat(pragma(statement, "wal_autocheckpoint")).isEqualTo("10000");
        }
    }

    @Test
    void readersCannotWrite() throws SQLException {
        JdbcStores.sqlite(url(), false).getConnection().close();
        try (Connection reader = JdbcStores.sqlite(url(), true).getConnection();
                Statement statement = reader.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE TABLE attempt (x INTEGER)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("SQLITE_READONLY");
        }
    }

    private String url() {
        return "jdbc:sqlite:" + dataDir.resolve(JdbcStores.EMBEDDED_FILE);
    }

    private static String pragma(Statement statement, String name) throws SQLException {
        try (ResultSet value = statement.executeQuery("PRAGMA " + name)) {
            value.next();
            return value.getString(1);
        }
    }
}
