-- Findings (issue 12): the rules a request broke that were kept with it instead of refusing it. Portable across the
-- embedded store (SQLite) and PostgreSQL, as V1.

-- A sessionStart kept despite a missing or mistyped media.id or media.playerName has none to be found by. SQLite
-- cannot drop a NOT NULL constraint in place, so the table is rebuilt (both databases do this the same way).
CREATE TABLE session_starts_v4 (
    session_id  CHAR(64)         NOT NULL PRIMARY KEY REFERENCES sessions (id),
    ts          BIGINT           NOT NULL,
    playhead    DOUBLE PRECISION NOT NULL,
    body        TEXT             NOT NULL,
    media_id    TEXT,
    player_name TEXT
);
INSERT INTO session_starts_v4 (session_id, ts, playhead, body, media_id, player_name)
    SELECT session_id, ts, playhead, body, media_id, player_name FROM session_starts;
DROP TABLE session_starts;
ALTER TABLE session_starts_v4 RENAME TO session_starts;
CREATE INDEX session_starts_by_media ON session_starts (media_id);
CREATE INDEX session_starts_by_player ON session_starts (player_name);

-- One row per finding, written in the same transaction as its request; a request without findings writes none.
-- seq is the request's place in its session (0: the sessionStart, as in the read-back), ordinal the finding's place
-- among its request's findings. A session's count and rules come from its rows (the primary key's index), so the
-- sessions row, which every event rewrites, stays as it was.
CREATE TABLE findings (
    session_id  CHAR(64)    NOT NULL REFERENCES sessions (id),
    seq         BIGINT      NOT NULL,
    ordinal     INTEGER     NOT NULL,
    event_type  VARCHAR(32) NOT NULL,
    rule        VARCHAR(64) NOT NULL,
    pointer     TEXT,
    message     TEXT        NOT NULL,
    received_at BIGINT      NOT NULL,
    PRIMARY KEY (session_id, seq, ordinal)
);

-- GET /api/v1/findings: newest first across sessions.
CREATE INDEX findings_by_arrival ON findings (received_at, session_id, seq, ordinal);
