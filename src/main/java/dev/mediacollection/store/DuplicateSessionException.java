package dev.mediacollection.store;

/** A session with this id already exists. */
public class DuplicateSessionException extends RuntimeException {

    public DuplicateSessionException(String sessionId) {
        super("Session id already in use: " + sessionId, null, false, false);
    }
}
