-- One row that readiness rewrites through the writers, so that "ready" means a write was just committed (and, for
-- the embedded store, fsync'd): a database that refuses writes, is locked or has no room fails it.
CREATE TABLE write_probe (
    id         INTEGER NOT NULL PRIMARY KEY,
    written_at BIGINT  NOT NULL
);

INSERT INTO write_probe (id, written_at) VALUES (1, 0);
