package dev.mediacollection.store;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

import dev.mediacollection.session.Session;

/**
 * Where sessions and their events are kept. Every operation completes only once the store has accepted the data,
 * so an acknowledgement to the player is a promise that the data is kept.
 */
public interface SessionStore {

    /**
     * Stores a new session.
     *
     * @return completes when the session is stored; fails with {@link DuplicateSessionException} if the id is
     *         taken, or {@link StoreUnavailableException} if the store cannot take it now
     */
    CompletionStage<Void> create(Session session);

    /** The session with this id, if it exists. */
    CompletionStage<Optional<Session>> find(String id);
}
