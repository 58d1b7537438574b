package dev.mediacollection.store.jdbc;

import dev.mediacollection.session.Lifecycle;

/** A session's row as a group commit read it and its writes changed it: where it stands and its events so far. */
record LockedSession(Lifecycle lifecycle, long eventCount) {
}
