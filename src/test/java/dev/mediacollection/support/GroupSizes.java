package dev.mediacollection.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mediacollection.store.StoreObserver;

/** Records the size of each group of writes a store's writers committed, or could not commit, in order. */
public final class GroupSizes implements StoreObserver {

    private final List<Integer> committed = new CopyOnWriteArrayList<>();
    private final List<Integer> refused = new CopyOnWriteArrayList<>();

    @Override
    public void committed(int writes, long nanos) {
        committed.add(writes);
    }

    @Override
    public void commitFailed(int writes) {
        refused.add(writes);
    }

    public List<Integer> committed() {
        return committed;
    }

    public List<Integer> refused() {
        return refused;
    }
}
