-- The outbox: what the store has promised to relay to a destination (docs/streaming.md). Each write that announces
-- something (a session opened, an event, a downloaded session, a session closed) adds one row per configured
-- destination in its own transaction, and a relay deletes exactly the rows it has delivered. Rows point at the data
-- (session and sequence); the bodies stay where they are. Written only when a destination is configured.
--
-- ${outbox_position} is the one thing the two databases spell differently: an ever-increasing key assigned on insert
-- (SQLite: INTEGER PRIMARY KEY AUTOINCREMENT; PostgreSQL: an identity column). Per session, rows are inserted under
-- the session's row lock, so their positions follow the order in which their writes committed.
CREATE TABLE outbox (
    position    ${outbox_position},
    destination VARCHAR(16) NOT NULL,
    session_id  CHAR(64)    NOT NULL,
    seq         BIGINT      NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    created_at  BIGINT      NOT NULL
);

-- The relay reads its destination's rows in position order.
CREATE INDEX outbox_by_destination ON outbox (destination, position);

-- One relay per destination at a time across instances: the instance that holds the row's unexpired lease relays.
CREATE TABLE outbox_leases (
    destination VARCHAR(16) NOT NULL PRIMARY KEY,
    owner       VARCHAR(64) NOT NULL,
    expires_at  BIGINT      NOT NULL
);
