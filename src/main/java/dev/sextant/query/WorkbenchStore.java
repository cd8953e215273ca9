package dev.sextant.query;

/**
 * The query workbench's part of the local store: the run history and what the editor keeps between
 * starts. Available once the store is open.
 */
public record WorkbenchStore(QueryHistory history, WorkbenchState state) {

    public static WorkbenchStore of(dev.sextant.store.LocalStore store) {
        return new WorkbenchStore(new QueryHistory(store), new WorkbenchState(store));
    }
}
