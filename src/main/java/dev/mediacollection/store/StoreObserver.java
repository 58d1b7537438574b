package dev.mediacollection.store;

/**
 * Told what a store's writers do, for monitoring. Called on the writer thread right after each commit: it must
 * return at once and never throw.
 */
public interface StoreObserver {

    /** Observes nothing: for stores used outside the service (tests, tools). */
    StoreObserver NONE = new StoreObserver() {
        @Override
        public void committed(int writes, long nanos) {
        }

        @Override
        public void commitFailed(int writes) {
        }
    };

    /** A group of {@code writes} was applied and committed in {@code nanos}. */
    void committed(int writes, long nanos);

    /** A group of {@code writes} could not be committed: the database refused it. */
    void commitFailed(int writes);
}
