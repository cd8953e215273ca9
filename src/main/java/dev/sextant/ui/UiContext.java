package dev.sextant.ui;

import dev.sextant.audit.AuditLog;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.ProgressListener;
import dev.sextant.query.Workspace;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the composition root hands the user interface: the services, and the start-up work (such as
 * creating the sample database) that runs in the background while the window is already visible.
 *
 * @param catalog the saved connections; ready once the start-up work has succeeded
 * @param audit   the MCP audit log; ready once the start-up work has succeeded, or null when there is none
 */
public record UiContext(Workspace workspace, StartupWork startup, Supplier<ConnectionCatalog> catalog, String version,
                        Supplier<AuditLog> audit) {

    /** Without an audit log (its view then says so). */
    public UiContext(Workspace workspace, StartupWork startup, Supplier<ConnectionCatalog> catalog, String version) {
        this(workspace, startup, catalog, version, null);
    }

    /** Blocking start-up work; returns the connections to show. */
    @FunctionalInterface
    public interface StartupWork {
        List<ExternalDatabaseConfig> run(ProgressListener progress) throws Exception;
    }
}
