package dev.sextant.ui;

import dev.sextant.audit.AuditLog;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.ProgressListener;
import dev.sextant.query.SchemaCache;
import dev.sextant.query.WorkbenchStore;
import dev.sextant.query.Workspace;
import dev.sextant.store.UiStateStore;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the composition root hands the user interface: the services, and the start-up work (such as
 * creating the sample database) that runs in the background while the window is already visible.
 *
 * @param catalog     the saved connections; ready once the start-up work has succeeded
 * @param audit       the MCP audit log; ready once the start-up work has succeeded, or null when there is none
 * @param schemaCache the cached schema scans; ready once the start-up work has succeeded (null without a store)
 * @param uiState     where the window state is kept; ready once the start-up work has succeeded (null without a store)
 * @param workbench   the query history and saved editor state; ready once the start-up work has succeeded,
 *                    and null (or supplying null) where they are not kept
 */
public record UiContext(Workspace workspace, StartupWork startup, Supplier<ConnectionCatalog> catalog, String version,
                        Supplier<AuditLog> audit, Supplier<SchemaCache> schemaCache, Supplier<UiStateStore> uiState,
                        Supplier<WorkbenchStore> workbench) {

    /**
     * Without an audit log, a schema cache, saved window state or history: the audit view says so, every
     * tree is read from the database, nothing is restored or recorded.
     */
    public UiContext(Workspace workspace, StartupWork startup, Supplier<ConnectionCatalog> catalog, String version) {
        this(workspace, startup, catalog, version, null, () -> null, () -> null, () -> null);
    }

    /** The history and editor state, or null before start-up finished or where none is kept. */
    public WorkbenchStore workbenchStore() {
        return workbench == null ? null : workbench.get();
    }

    /** Blocking start-up work; returns the connections to show. */
    @FunctionalInterface
    public interface StartupWork {
        List<ExternalDatabaseConfig> run(ProgressListener progress) throws Exception;
    }
}
