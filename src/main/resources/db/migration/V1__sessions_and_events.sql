-- Portable across the embedded store (SQLite) and PostgreSQL: times are epoch milliseconds, bodies are text as
-- received, enumerations are their names.

CREATE TABLE sessions (
    id                      CHAR(64)         NOT NULL PRIMARY KEY,
    created_at              BIGINT           NOT NULL,
    start_ts                BIGINT           NOT NULL,
    start_playhead          DOUBLE PRECISION NOT NULL,
    start_body              TEXT             NOT NULL,
    state                   VARCHAR(16)      NOT NULL,
    last_event_at           BIGINT           NOT NULL,
    last_playhead           DOUBLE PRECISION NOT NULL,
    last_playhead_change_at BIGINT           NOT NULL,
    closed_at               BIGINT,
    close_cause             VARCHAR(16),
    event_count             BIGINT           NOT NULL
);

-- The expiry sweep looks for open sessions by their last activity; retention for closed ones by closing time.
CREATE INDEX sessions_by_activity ON sessions (state, last_event_at);
CREATE INDEX sessions_by_movement ON sessions (state, last_playhead_change_at);
CREATE INDEX sessions_by_closing ON sessions (closed_at);

CREATE TABLE events (
    session_id  CHAR(64)         NOT NULL REFERENCES sessions (id),
    seq         BIGINT           NOT NULL,
    event_type  VARCHAR(32)      NOT NULL,
    playhead    DOUBLE PRECISION NOT NULL,
    ts          BIGINT           NOT NULL,
    received_at BIGINT           NOT NULL,
    body        TEXT             NOT NULL,
    PRIMARY KEY (session_id, seq)
);
