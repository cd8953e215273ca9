package dev.sextant.ui.editor;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.Workspace;
import dev.sextant.sql.SchemaIndex;
import dev.sextant.sql.SqlCompleter;
import dev.sextant.sql.Syntax;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autocomplete of each connection: its schema is scanned once in the background (through the
 * workspace's metadata connection) and indexed; tabs on the same connection share it. Until the scan is
 * done, autocomplete offers keywords and functions. A scan older than a few minutes is redone when the
 * next tab opens, so new tables show up. Used on the JavaFX thread.
 */
public final class CompletionSource {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionSource.class);
    private static final long STALE_NANOS = 5L * 60 * 1_000_000_000L;

    private record Entry(SqlCompleter completer, long scannedAt) {
    }

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final Map<String, Entry> byConfig = new HashMap<>();
    private final Map<String, Boolean> scanning = new HashMap<>();

    public CompletionSource(Workspace workspace, TaskExecutor executor) {
        this.workspace = workspace;
        this.executor = executor;
    }

    /** The completer for a connection now (keywords only while its schema loads); starts a scan if needed. */
    public SqlCompleter completer(ExternalDatabaseConfig config, Syntax syntax) {
        Entry e = byConfig.get(config.id());
        if (e == null || System.nanoTime() - e.scannedAt() > STALE_NANOS) {
            scan(config, syntax);
        }
        if (e != null) {
            return e.completer();
        }
        return new SqlCompleter(new SchemaIndex(new dev.sextant.schema.DatabaseSchema("", "", java.util.List.of()), syntax),
                name -> workspace.dialect(config).quoteIdentifier(name));
    }

    private void scan(ExternalDatabaseConfig config, Syntax syntax) {
        if (Boolean.TRUE.equals(scanning.put(config.id(), true))) {
            return;
        }
        BackgroundTask.wrap(p -> new SqlCompleter(new SchemaIndex(workspace.scanDbSchema(config), syntax),
                        name -> workspace.dialect(config).quoteIdentifier(name)))
                .onSuccess(c -> {
                    scanning.remove(config.id());
                    byConfig.put(config.id(), new Entry(c, System.nanoTime()));
                })
                .onFailure(e -> {
                    scanning.remove(config.id());
                    LOG.info("Autocomplete has no schema for '{}': {}", config.name(), e.getMessage());
                })
                .executeWith(executor);
    }
}
