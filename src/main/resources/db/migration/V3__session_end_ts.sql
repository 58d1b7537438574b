-- The playerTime.ts of the sessionEnd that ended a session live, NULL for every other session: for a few seconds
-- after its sessionEnd, a session still keeps an event that happened before it (mc.sessions.late-event-window).
ALTER TABLE sessions ADD COLUMN end_ts BIGINT;
