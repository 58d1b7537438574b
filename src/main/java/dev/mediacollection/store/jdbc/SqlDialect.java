package dev.mediacollection.store.jdbc;

/** Where the SQL databases the store runs on differ. */
enum SqlDialect {

    /** One writer connection serialises all writes, so reads for update need no lock. */
    SQLITE(""),
    /** Several writers, and several instances: an event's session row is locked until its group commits. */
    POSTGRESQL(" FOR UPDATE");

    private final String lockRow;

    SqlDialect(String lockRow) {
        this.lockRow = lockRow;
    }

    String lockRow() {
        return lockRow;
    }
}
