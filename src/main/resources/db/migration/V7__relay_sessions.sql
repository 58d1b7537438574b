-- Where a relay stands with each session, for a destination that takes a session's entries one after another and
-- answers each (the upstream Media Collection API of docs/relay.md): the id the destination gave the session, the
-- failed attempts at its next entry and when to try again, or that the destination refused the session (or a filter
-- left it out) for good. Written by the relay only; a session without a row has had nothing delivered yet.
--
-- outcome:      RELAYING, REFUSED or EXCLUDED
-- remote_id:    the destination's id of the session (the upstream's, from its Location)
-- attempts:     failed attempts at the session's next entry since its last delivered one
-- retry_at:     until when (epoch ms) the relay leaves the session's entries in the outbox; 0: not held back
-- last_failure: why the last of those attempts failed
-- detail:       REFUSED: what the destination answered; EXCLUDED: why the session is left out
CREATE TABLE relay_sessions (
    destination  VARCHAR(16) NOT NULL,
    session_id   CHAR(64)    NOT NULL,
    outcome      VARCHAR(16) NOT NULL,
    remote_id    TEXT,
    attempts     INTEGER     NOT NULL,
    retry_at     BIGINT      NOT NULL,
    last_failure TEXT,
    detail       TEXT,
    updated_at   BIGINT      NOT NULL,
    PRIMARY KEY (destination, session_id)
);
