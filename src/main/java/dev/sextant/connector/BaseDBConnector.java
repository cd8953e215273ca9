package dev.sextant.connector;

import dev.sextant.schema.DatabaseSchema;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One database connection of one type. This is the connector pattern every database follows:
 * built from a config's parameters, then {@link #connect()}, {@link #executeSqlStatement},
 * {@link #scanDbSchema()} and {@link #disconnect()}.
 *
 * <p>All methods block; callers on a UI thread run them in the background. Every method throws
 * {@link ConnectorException} on failure. A connector serves one caller at a time, except
 * {@link #cancel()}, which any thread may call to stop what the connector is running.
 */
public abstract class BaseDBConnector implements AutoCloseable {

    /** The key of the single row that {@link #executeSqlStatement} returns for statements without rows. */
    public static final String UPDATE_COUNT_KEY = "update_count";

    private final ConnectionParameters parameters;

    protected BaseDBConnector(ConnectionParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    protected ConnectionParameters parameters() {
        return parameters;
    }

    /** Opens the connection. Calling it on an open connector does nothing. */
    public abstract void connect();

    /** Closes the connection and everything it runs. Never throws; calling it twice does nothing. */
    public abstract void disconnect();

    public abstract boolean isConnected();

    /** How this database spells names. */
    public abstract SqlDialect dialect();

    /**
     * Runs one statement and streams its result. Rows are read only as pages are asked for.
     *
     * @param params    positional parameters bound to the statement's {@code ?} markers; may be empty
     * @param fetchSize how many rows to ask the database for per round trip
     */
    public abstract ResultCursor openCursor(String sql, List<?> params, int fetchSize);

    /** Stops every statement this connector is running, and a connection test in progress, from any thread. */
    public abstract void cancel();

    /**
     * Runs the staged connection test (open, query, server details). It opens its own connection if
     * needed and never throws: a failing stage is reported in the result.
     */
    public abstract ConnectionTestReport testConnection();

    /**
     * The staged connection test, handing each stage to {@code onStage} (on the testing thread) as soon as
     * it ends, so a form can show progress. {@link #cancel()} from another thread ends it; the stage that was
     * running is then reported as failed. This default reports the stages once the whole test is done; a
     * connector whose stages can take long overrides it.
     */
    public ConnectionTestReport testConnection(Consumer<TestStage> onStage) {
        ConnectionTestReport report = testConnection();
        report.stages().forEach(onStage);
        return report;
    }

    /**
     * The schemas (datasets) of the database, without their objects: the first level of the tree.
     *
     * @param includeSystem also the database's own catalog schemas (e.g. pg_catalog, INFORMATION_SCHEMA)
     */
    public abstract List<SchemaRef> listSchemas(boolean includeSystem);

    /** The user's schemas, without the database's system schemas. */
    public final List<SchemaRef> listSchemas() {
        return listSchemas(false);
    }

    /** Every object of one schema, read in a few bulk queries. */
    public abstract Schema scanSchema(SchemaRef schema);

    /**
     * Asks the database what a statement would do without running it: its type and, where the database
     * knows, the bytes it would read. Databases that cannot tell (H2, PostgreSQL) answer empty.
     *
     * @throws ConnectorException when the statement is invalid (with its position, as for a run)
     */
    public Optional<QueryEstimate> estimate(String sql, List<?> params) {
        return Optional.empty();
    }

    /** The database product and version, e.g. "H2" and "2.5.252". */
    protected abstract String[] productNameAndVersion();

    /**
     * Every object of several schemas, in the order given. This default scans them one after the other;
     * a connector whose catalog can be read for many schemas at once overrides it, so that a full scan
     * costs a fixed number of queries however many schemas there are.
     */
    public List<Schema> scanSchemas(List<SchemaRef> schemas) {
        List<Schema> scanned = new ArrayList<>();
        for (SchemaRef ref : schemas) {
            scanned.add(scanSchema(ref));
        }
        return scanned;
    }

    /** The whole schema model of the user's schemas, for search and autocomplete. */
    public DatabaseSchema scanDbSchema() {
        List<Schema> schemas = scanSchemas(listSchemas());
        String[] product = productNameAndVersion();
        return new DatabaseSchema(product[0], product[1], schemas);
    }

    /**
     * Runs a statement and returns its rows as maps from column label to value, in column order.
     * A statement without rows returns a single row {@code {update_count: n}}. A repeated column label
     * gets a suffix ({@code id}, {@code id_2}) so no value is lost.
     *
     * @param params  positional parameters; null for none
     * @param maxRows the most rows to return; null for all of them
     */
    public List<Map<String, Object>> executeSqlStatement(String sql, List<?> params, Integer maxRows) {
        if (maxRows != null && maxRows < 0) {
            throw new IllegalArgumentException("maxRows must not be negative: " + maxRows);
        }
        int limit = maxRows == null ? Integer.MAX_VALUE : maxRows;
        int fetch = Math.max(1, Math.min(limit, 1000));
        try (ResultCursor cursor = openCursor(sql, params == null ? List.of() : params, fetch)) {
            if (!cursor.isResultSet()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put(UPDATE_COUNT_KEY, cursor.updateCount());
                return List.of(row);
            }
            List<String> keys = uniqueLabels(cursor.columns());
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rows.size() < limit && cursor.hasMore()) {
                for (Object[] values : cursor.nextPage(Math.min(fetch, limit - rows.size())).rows()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < keys.size(); i++) {
                        row.put(keys.get(i), values[i]);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Column labels made unique with a suffix ({@code id}, {@code id_2}), as map and JSON keys must be. */
    public static List<String> uniqueLabels(List<ColumnInfo> columns) {
        List<String> labels = new ArrayList<>();
        for (ColumnInfo c : columns) {
            String label = c.name();
            for (int n = 2; labels.contains(label); n++) {
                label = c.name() + "_" + n;
            }
            labels.add(label);
        }
        return labels;
    }

    @Override
    public void close() {
        disconnect();
    }
}
