-- Session-level findings (issue 16): mistakes in the order or pacing of a session's events, found off the requests'
-- path and kept in the findings table beside the requests' own. Portable across the embedded store (SQLite) and
-- PostgreSQL, as V1. (V5 and V6 are other branches'.)

-- The sequence numbers of the events a session-level finding involves, ascending, comma-separated; NULL for a
-- request's own finding. A session-level row belongs to the last event it involves (seq, event_type, received_at)
-- and has a negative ordinal (-1, -2, … in the session's order), so that it never shares a key with a request's own.
ALTER TABLE findings ADD COLUMN events TEXT;

-- Which player sent each session the linter has read, for the findings per player: written with its findings.
CREATE TABLE session_lint (
    session_id      CHAR(64) NOT NULL PRIMARY KEY REFERENCES sessions (id),
    player_name     TEXT,
    sdk_version     TEXT,
    library_version TEXT
);
