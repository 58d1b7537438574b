package dev.mediacollection.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deferred rows and the group in progress, on a real (in-memory) SQLite database that enforces foreign keys. */
class StatementsTest {

    Statements statements;

    @BeforeEach
    void createTables() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("CREATE TABLE parents (id INTEGER PRIMARY KEY)");
            statement.execute("CREATE TABLE children (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL"
                    + " REFERENCES parents (id))");
            statement.execute("INSERT INTO parents (id) VALUES (0)");
        }
        connection.setAutoCommit(false);
        statements = new Statements(connection);
    }

    @AfterEach
    void close() throws SQLException {
        statements.close();
    }

    void deferChild(int id, int parent) throws SQLException {
        PreparedStatement insert = statements.defer("INSERT INTO children (id, parent) VALUES (?, ?)");
        insert.setInt(1, id);
        insert.setInt(2, parent);
        insert.addBatch();
    }

    void deferParent(int id) throws SQLException {
        PreparedStatement insert = statements.deferParent("INSERT INTO parents (id) VALUES (?)");
        insert.setInt(1, id);
        insert.addBatch();
    }

    int count(String table) throws SQLException {
        try (ResultSet rows = statements.prepare("SELECT COUNT(*) FROM " + table).executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void deferredRowsWaitForTheFlush() throws SQLException {
        deferChild(1, 0);
        deferChild(2, 0);

        try (Statement direct = statements.connection().createStatement();
                ResultSet rows = direct.executeQuery("SELECT COUNT(*) FROM children")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
        statements.flush();
        assertThat(count("children")).isEqualTo(2);
    }

    @Test
    void aFlushThatFailsLeavesNoRowOfItsGroupForTheNextOne() throws SQLException {
        deferParent(0);
        deferChild(1, 0);

        assertThatThrownBy(statements::flush).as("parent 0 exists").isInstanceOf(SQLException.class);
        statements.connection().rollback();
        statements.startGroup(List.of(), true);
        deferParent(2);
        deferChild(3, 2);
        statements.flush();

        // The failed group's child, sent again after its parent failed, would be in the table (or fail this flush).
        assertThat(count("children")).isEqualTo(1);
        assertThat(count("parents")).isEqualTo(2);
    }

    @Test
    void aStatementRunAtOnceFollowsEveryRowDeferredBeforeIt() throws SQLException {
        deferChild(1, 0);

        assertThat(count("children")).isEqualTo(1);
    }

    @Test
    void parentsAreSentBeforeTheRowsThatReferToThemWhateverTheOrderDeferred() throws SQLException {
        deferChild(1, 0); // the children's statement is deferred first, by a write that needs no new parent
        deferParent(7);
        deferChild(2, 7);

        statements.flush();

        assertThat(count("parents")).isEqualTo(2);
        assertThat(count("children")).isEqualTo(2);
    }

    @Test
    void startingAGroupForgetsWhatTheLastOneDeferredAndRead() throws SQLException {
        deferParent(7);
        deferChild(1, 0);
        statements.lockedSessions().put("a", Optional.empty());

        statements.startGroup(List.of(), false);
        statements.flush();

        assertThat(count("parents")).isEqualTo(1);
        assertThat(count("children")).isZero();
        assertThat(statements.lockedSessions()).isEmpty();
    }

    @Test
    void theGroupsKeysFromOneOnComeInLockOrderEachOnce() throws SQLException {
        statements.startGroup(List.of("a", "b", "b", "c", "~probe"), false);

        assertThat(statements.groupKeysFrom("b")).containsExactly("b", "c", "~probe");
        assertThat(statements.groupKeysFrom("x")).containsExactly("x", "~probe");
    }
}
