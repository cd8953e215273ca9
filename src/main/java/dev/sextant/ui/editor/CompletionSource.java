package dev.sextant.ui.editor;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.query.SchemaCache;
import dev.sextant.query.Workspace;
import dev.sextant.schema.DatabaseSchema;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.sql.SchemaIndex;
import dev.sextant.sql.SqlCompleter;
import dev.sextant.sql.Syntax;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autocomplete of each connection: its schema comes from the schema cache when the cache holds every
 * schema of the connection (so opening a tab neither connects nor scans), else it is scanned once in the
 * background (on a short-lived connection of its own), indexed, and kept in the cache for the tree
 * too; tabs on the same connection share it. Until it is ready, autocomplete offers keywords and functions.
 * A scan older than a few minutes is redone when the next tab opens, so new tables show up. Used on the
 * JavaFX thread.
 */
public final class CompletionSource {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionSource.class);
    private static final long STALE_NANOS = 5L * 60 * 1_000_000_000L;

    private record Entry(SqlCompleter completer, long scannedAt) {
    }

    private final Workspace workspace;
    private final Supplier<SchemaCache> cache;
    private final TaskExecutor executor;
    private final Map<String, Entry> byConfig = new HashMap<>();
    private final Map<String, Boolean> scanning = new HashMap<>();

    /** @param cache the schema cache, or a supplier of null where there is none */
    public CompletionSource(Workspace workspace, Supplier<SchemaCache> cache, TaskExecutor executor) {
        this.workspace = workspace;
        this.cache = cache;
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
        return new SqlCompleter(new SchemaIndex(new DatabaseSchema("", "", List.of()), syntax),
                name -> workspace.dialect(config).quoteIdentifier(name));
    }

    private void scan(ExternalDatabaseConfig config, Syntax syntax) {
        if (Boolean.TRUE.equals(scanning.put(config.id(), true))) {
            return;
        }
        boolean first = !byConfig.containsKey(config.id());
        BackgroundTask.wrap(p -> {
                    Optional<DatabaseSchema> schema = first ? cached(config) : Optional.empty();
                    return new SqlCompleter(new SchemaIndex(schema.orElseGet(() -> scanAndCache(config)), syntax),
                            name -> workspace.dialect(config).quoteIdentifier(name));
                })
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

    /** The connection's schemas from the cache, when it holds the schema list and every schema on it. */
    private Optional<DatabaseSchema> cached(ExternalDatabaseConfig config) {
        SchemaCache c = cache.get();
        if (c == null) {
            return Optional.empty();
        }
        try {
            Optional<SchemaCache.Entry<List<SchemaRef>>> listed = c.schemaList(config.id(), false);
            if (listed.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Schema> byName = new HashMap<>();
            c.schemas(config.id()).forEach(e -> byName.put(e.value().ref().name(), e.value()));
            List<Schema> schemas = new ArrayList<>();
            for (SchemaRef ref : listed.get().value()) {
                Schema schema = byName.get(ref.name());
                if (schema == null) {
                    return Optional.empty();
                }
                schemas.add(schema);
            }
            return Optional.of(new DatabaseSchema("", "", schemas));
        } catch (RuntimeException e) {
            LOG.debug("The schema cache could not be read for autocomplete: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A full scan on a connection of its own, closed afterwards (the schema tree's connection, and whether
     * the connections panel shows it as connected, are the user's to decide), written to the cache so the
     * tree shows it at once too.
     */
    private DatabaseSchema scanAndCache(ExternalDatabaseConfig config) {
        DatabaseSchema scanned;
        try (BaseDBConnector connector = workspace.newConnector(config)) {
            connector.connect();
            scanned = connector.scanDbSchema();
        }
        SchemaCache c = cache.get();
        if (c != null) {
            try {
                Instant now = Instant.now();
                c.putSchemaList(config.id(), false, scanned.schemas().stream().map(Schema::ref).toList(), now);
                c.putSchemas(config.id(), scanned.schemas(), now);
            } catch (RuntimeException e) {
                LOG.debug("The scan for autocomplete could not be cached: {}", e.getMessage());
            }
        }
        return scanned;
    }
}
