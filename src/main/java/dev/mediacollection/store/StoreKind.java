package dev.mediacollection.store;

/** The stores this service can keep its data in. */
public enum StoreKind {
    /** A SQLite database in the data directory: durable, nothing to set up. The default. */
    EMBEDDED,
    /** PostgreSQL, shared by several instances. */
    POSTGRESQL,
    /** Memory only: lost when the process ends. For tests and throw-away runs. */
    MEMORY
}
