package dev.mediacollection.store.jdbc;

/** Where the SQL databases the store runs on differ. */
enum SqlDialect {

    /** One writer connection serialises all writes, so reads for update need no lock. */
    SQLITE("", "INTEGER PRIMARY KEY AUTOINCREMENT"),
    /** Several writers, and several instances: an event's session row is locked until its group commits. */
    POSTGRESQL(" FOR UPDATE", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");

    private final String lockRow;
    private final String increasingKey;

    SqlDialect(String lockRow, String increasingKey) {
        this.lockRow = lockRow;
        this.increasingKey = increasingKey;
    }

    String lockRow() {
        return lockRow;
    }

    /** A column definition: a primary key the database assigns on insert, larger than any assigned before. */
    String increasingKey() {
        return increasingKey;
    }
}
