package dev.mediacollection.store;

/** The store cannot take data right now (full, or unreachable); nothing was stored. Worth retrying later. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message) {
        super(message, null, false, false);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
