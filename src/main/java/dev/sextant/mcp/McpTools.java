package dev.sextant.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.audit.AuditEntry;
import dev.sextant.audit.AuditLog;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.QueryEstimate;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import dev.sextant.query.ValueJson;
import dev.sextant.query.Workspace;
import dev.sextant.schema.Column;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Table;
import dev.sextant.sql.StatementSplitter;
import dev.sextant.sql.Syntax;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the MCP server's tools and resources do, apart from the protocol: list the connections marked for
 * MCP, describe a schema or one object, and run a query under the safety rules (docs/decisions/0012):
 * <ul>
 *   <li>a connection not marked as available to MCP does not exist for the client;</li>
 *   <li>sessions are read-only, enforced by the database, unless the connection allows MCP writes;</li>
 *   <li>where the database can estimate a statement (BigQuery's dry run), it is asked first, and a
 *       statement above the connection's bytes cap, or one that changes data on a read-only connection, is
 *       refused before it runs;</li>
 *   <li>a row cap and a time limit per call (the statement is cancelled on the database);</li>
 *   <li>every call, whatever its outcome, is written to the audit log.</li>
 * </ul>
 * Thread-safe: each call opens and closes its own connection.
 */
public final class McpTools implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(McpTools.class);
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final ConnectionCatalog catalog;
    private final Workspace workspace;
    private final AuditLog audit;
    private final McpSettings settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mcp-time-limit");
        t.setDaemon(true);
        return t;
    });

    public McpTools(ConnectionCatalog catalog, Workspace workspace, AuditLog audit, McpSettings settings) {
        this.catalog = catalog;
        this.workspace = workspace;
        this.audit = audit;
        this.settings = settings;
    }

    public McpSettings settings() {
        return settings;
    }

    /** The connections MCP clients may see: names, types, kinds and access, never settings or secrets. */
    public ToolResult listConnections(String client) {
        return audited(client, "list_connections", null, "", () -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (ExternalDatabaseConfig c : available()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", c.name());
                item.put("type", c.type());
                item.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                item.put("folder", c.folder());
                item.put("readOnly", readOnlyFor(c));
                list.add(item);
            }
            return new Done(json(Map.of("connections", list)), (long) list.size());
        });
    }

    /**
     * Without a schema: the connection's schemas. With one: its tables and views with their columns,
     * and its routines and sequences by name.
     */
    public ToolResult describeSchema(String client, String connection, String schema) {
        return audited(client, "describe_schema", connection, schema == null ? "" : schema, () -> {
            ExternalDatabaseConfig config = find(connection);
            try (BaseDBConnector c = workspace.newConnector(config, true, Workspace.MissingSecret.NONE)) {
                c.connect();
                if (schema == null || schema.isBlank()) {
                    List<Map<String, Object>> schemas = new ArrayList<>();
                    for (SchemaRef ref : c.listSchemas(false)) {
                        schemas.add(Map.of("name", ref.name(), "comment", ref.comment()));
                    }
                    return new Done(json(Map.of("connection", config.name(), "schemas", schemas)), (long) schemas.size(), config.id());
                }
                Schema scanned = c.scanSchema(ref(c, config, schema));
                return new Done(json(overview(config, scanned)), (long) scanned.tables().size(), config.id());
            }
        });
    }

    /** One table or view in full: columns, keys, indexes, constraints, triggers and its definition. */
    public ToolResult describeObject(String client, String connection, String schema, String object) {
        return audited(client, "describe_object", connection, schema + "." + object, () -> {
            ExternalDatabaseConfig config = find(connection);
            try (BaseDBConnector c = workspace.newConnector(config, true, Workspace.MissingSecret.NONE)) {
                c.connect();
                Schema scanned = c.scanSchema(ref(c, config, schema));
                Table table = scanned.table(object).orElseThrow(() -> new McpRefusal("Schema '" + schema
                        + "' of connection '" + config.name() + "' has no table or view named '" + object + "'."));
                return new Done(json(table), 1L, config.id());
            }
        });
    }

    /**
     * Runs one statement under the safety rules and returns at most the row cap (or {@code maxRows}, if
     * smaller) of its rows.
     *
     * @param params values for the statement's ? markers, in order
     */
    public ToolResult runQuery(String client, String connection, String sql, List<?> params, Integer maxRows) {
        return audited(client, "run_query", connection, sql, () -> {
            ExternalDatabaseConfig config = find(connection);
            if (sql == null || sql.isBlank()) {
                throw new McpRefusal("There is no statement to run.");
            }
            boolean readOnly = readOnlyFor(config);
            int cap = maxRows == null || maxRows < 1 ? settings.maxRows() : Math.min(maxRows, settings.maxRows());
            try (BaseDBConnector c = workspace.newConnector(config, readOnly, Workspace.MissingSecret.NONE)) {
                c.connect();
                requireOneStatement(c, sql);
                checkEstimate(c, config, sql, params, readOnly);
                Done done = run(c, config, sql, params, cap, readOnly);
                return new Done(done.json(), done.rows(), config.id());
            }
        });
    }

    /**
     * Refuses a text of several statements (but a BigQuery script, which BigQuery runs as one job): the
     * database would run them all and hand back the first one's result alone.
     */
    private static void requireOneStatement(BaseDBConnector c, String sql) {
        Syntax syntax = Syntax.forDialectName(c.dialect().name());
        int statements = syntax == Syntax.BIGQUERY ? 1 : StatementSplitter.split(sql, syntax).size();
        if (statements > 1) {
            throw new McpRefusal("run_query runs one statement, and this text holds " + statements
                    + ". Send them one call at a time.");
        }
    }

    /** Asks the database what the statement would do, where it can tell, and refuses what the rules forbid. */
    private static void checkEstimate(BaseDBConnector c, ExternalDatabaseConfig config, String sql, List<?> params,
                                      boolean readOnly) {
        QueryEstimate estimate = c.estimate(sql, params).orElse(null);
        if (estimate == null) {
            return;
        }
        if (estimate.exceedsCap()) {
            throw new McpRefusal("The statement would process " + estimate.bytesProcessed() + " bytes, more than the "
                    + estimate.bytesCap() + " bytes that connection '" + config.name() + "' allows per statement. "
                    + "Narrow it (fewer columns, a partition filter) and try again.");
        }
        if (readOnly && !estimate.query()) {
            throw new McpRefusal("Connection '" + config.name() + "' is read-only for MCP clients, and this is a "
                    + estimate.statementType() + " statement. Only queries may run.");
        }
    }

    private Done run(BaseDBConnector c, ExternalDatabaseConfig config, String sql, List<?> params, int cap, boolean readOnly) {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> limit = timer.schedule(() -> {
            timedOut.set(true);
            c.cancel();
        }, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (ResultCursor cursor = c.openCursor(sql, params, Math.min(cap + 1, 1000))) {
            if (!cursor.isResultSet()) {
                long count = cursor.updateCount();
                return new Done(json(Map.of("updateCount", count)), count < 0 ? null : count);
            }
            List<Object[]> rows = new ArrayList<>();
            while (rows.size() < cap && cursor.hasMore()) {
                ResultPage page = cursor.nextPage(cap - rows.size());
                rows.addAll(page.rows());
            }
            boolean truncated = cursor.hasMore();
            if (timedOut.get()) {
                throw timeLimit();
            }
            return new Done(rows(cursor.columns(), rows, truncated, cap, readOnly), (long) rows.size());
        } catch (ConnectorException e) {
            if (timedOut.get()) {
                throw timeLimit();
            }
            if (e.kind() == ErrorKind.READ_ONLY_VIOLATION) {
                throw new McpRefusal("Connection '" + config.name() + "' is read-only for MCP clients; the database "
                        + "refused to change data: " + e.getMessage(), e);
            }
            throw e;
        } finally {
            limit.cancel(false);
        }
    }

    private McpRefusal timeLimit() {
        return new McpRefusal("The statement ran longer than the time limit of " + settings.timeout().toSeconds()
                + " seconds per call and was cancelled on the database.");
    }

    private static String rows(List<ColumnInfo> columns, List<Object[]> rows, boolean truncated, int cap, boolean readOnly) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.getFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeArrayFieldStart("columns");
            for (ColumnInfo column : columns) {
                json.writeStartObject();
                json.writeStringField("name", column.name());
                json.writeStringField("type", column.databaseType());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("rows");
            for (Object[] row : rows) {
                json.writeStartArray();
                for (Object value : row) {
                    ValueJson.write(json, value);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeNumberField("rowCount", rows.size());
            json.writeBooleanField("truncated", truncated);
            json.writeNumberField("rowCap", cap);
            json.writeBooleanField("readOnly", readOnly);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static Map<String, Object> overview(ExternalDatabaseConfig config, Schema schema) {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (Table t : schema.tables()) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("name", t.name());
            table.put("kind", t.kind().label());
            if (!t.comment().isEmpty()) {
                table.put("comment", t.comment());
            }
            List<String> columns = new ArrayList<>();
            for (Column c : t.columns()) {
                columns.add(c.name() + " " + c.dataType() + (t.isPrimaryKeyColumn(c.name()) ? " PK" : "")
                        + (c.nullable() ? "" : " NOT NULL"));
            }
            table.put("columns", columns);
            tables.add(table);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("connection", config.name());
        doc.put("schema", schema.name());
        doc.put("tables", tables);
        doc.put("routines", schema.routines().stream().map(r -> r.name() + r.signature()).toList());
        doc.put("sequences", schema.sequences().stream().map(s -> s.name()).toList());
        return doc;
    }

    private static SchemaRef ref(BaseDBConnector c, ExternalDatabaseConfig config, String schema) {
        return c.listSchemas(true).stream().filter(r -> r.name().equals(schema)).findFirst()
                .orElseThrow(() -> new McpRefusal("Connection '" + config.name() + "' has no schema named '" + schema + "'."));
    }

    /** The saved connections marked as available to MCP. */
    public List<ExternalDatabaseConfig> available() {
        return catalog.list().stream().filter(c -> c.mcp().available()).toList();
    }

    /** A connection by name, if MCP may see it; a hidden one is refused exactly like one that does not exist. */
    ExternalDatabaseConfig find(String name) {
        if (name == null || name.isBlank()) {
            throw new McpRefusal("Name a connection; list_connections shows those available.");
        }
        return available().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new McpRefusal("No connection named '" + name + "' is available to MCP clients. "
                        + "list_connections shows those that are."));
    }

    private static boolean readOnlyFor(ExternalDatabaseConfig config) {
        return config.readOnly() || !config.mcp().mayWrite();
    }

    /** The successful result of a call: JSON for the client, and the row count and connection for the log. */
    private record Done(String json, Long rows, String configId) {
        Done(String json, Long rows) {
            this(json, rows, null);
        }
    }

    private ToolResult audited(String client, String operation, String connection, String request, Supplier<Done> work) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        ToolResult result;
        String message = "";
        String configId = null;
        try {
            Done done = work.get();
            configId = done.configId();
            result = new ToolResult(AuditEntry.Outcome.OK, done.json(), done.rows());
        } catch (McpRefusal e) {
            message = e.getMessage();
            result = new ToolResult(AuditEntry.Outcome.REFUSED, message, null);
        } catch (ConnectorException e) {
            message = e.kind().title() + ": " + e.getMessage();
            result = new ToolResult(AuditEntry.Outcome.FAILED, message, null);
        } catch (RuntimeException e) {
            LOG.warn("An MCP call failed unexpectedly", e);
            message = "Sextant could not complete the call: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            result = new ToolResult(AuditEntry.Outcome.FAILED, message, null);
        }
        try {
            audit.record(new AuditEntry(0, start, client, operation, configId, connection, request, result.outcome(),
                    result.rowCount(), Duration.ofNanos(System.nanoTime() - t0), message));
        } catch (RuntimeException e) {
            // the client still gets its answer; the log file says the audit entry is missing
            LOG.error("Could not write the audit entry for {} on {}: {}", operation, connection, e.getMessage());
        }
        return result;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        timer.shutdown();
    }
}
