-- The expiry sweep reads the open sessions a chunk at a time. Read along the primary key, a sweep also read every
-- closed session the table keeps until retention deletes it (30 days by default): after 100,000 sessions had expired,
-- each sweep read all of them while players' writes waited behind it. Through this index it reads the open ones only,
-- in the order they were created, which is the order of the table's rows: the rows one chunk expires share pages.
-- Portable across the embedded store (SQLite) and PostgreSQL, as V1; the sweep's query repeats this condition as it
-- is written here, which SQLite needs to use a partial index.
CREATE INDEX sessions_open_by_creation ON sessions (created_at, id) WHERE state IN ('OPEN', 'COMPLETE');
