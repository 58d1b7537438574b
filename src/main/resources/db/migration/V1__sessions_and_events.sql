-- Portable across the embedded store (SQLite) and PostgreSQL: times are epoch milliseconds, bodies are text as
-- received, enumerations are their names.

-- Where each session stands. Every event updates its row, so the row holds nothing else: small rows keep the pages an
-- update rewrites few, and no column an event changes is indexed.
CREATE TABLE sessions (
    id                      CHAR(64)         NOT NULL PRIMARY KEY,
    created_at              BIGINT           NOT NULL,
    state                   VARCHAR(16)      NOT NULL,
    last_event_at           BIGINT           NOT NULL,
    last_playhead           DOUBLE PRECISION NOT NULL,
    last_playhead_change_at BIGINT           NOT NULL,
    closed_at               BIGINT,
    close_cause             VARCHAR(16),
    event_count             BIGINT           NOT NULL
);

-- The expiry sweep reads the open sessions; retention finds closed ones by closing time; lists go newest first.
CREATE INDEX sessions_by_state ON sessions (state);
CREATE INDEX sessions_by_closing ON sessions (closed_at);
CREATE INDEX sessions_by_creation ON sessions (created_at, id);

-- The sessionStart request that opened each session, written once, with what sessions are looked up by.
CREATE TABLE session_starts (
    session_id  CHAR(64)         NOT NULL PRIMARY KEY REFERENCES sessions (id),
    ts          BIGINT           NOT NULL,
    playhead    DOUBLE PRECISION NOT NULL,
    body        TEXT             NOT NULL,
    media_id    TEXT             NOT NULL,
    player_name TEXT             NOT NULL
);

CREATE INDEX session_starts_by_media ON session_starts (media_id);
CREATE INDEX session_starts_by_player ON session_starts (player_name);

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
