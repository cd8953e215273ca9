package dev.sextant.query;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.QueryEstimate;
import dev.sextant.connector.ResultCursor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The statements of one editor tab: it owns its own connector (so tabs never wait on each other), runs
 * one statement at a time and pages through its results. Rows are read from the database only as pages
 * are asked for, and only a bounded number stay in memory (see {@link RowStore}).
 *
 * <p>A script keeps one result per statement. The connection runs one statement at a time, so when the
 * next statement of a script starts, the previous result keeps the rows read so far and gives up the rest
 * (its pages say {@code cutShort}); the last statement's result stays open for paging to its end.
 *
 * <p>{@link #execute} and {@link #page} block and belong on a background thread; {@link #cancel()} may
 * be called from any thread.
 */
public final class QuerySession implements AutoCloseable {

    /** Rows kept on the heap per result; older pages are spilled to a temporary file. */
    public static final int DEFAULT_ROWS_IN_MEMORY = 20_000;

    private final Supplier<BaseDBConnector> connectorFactory;
    private final Path spillDir;
    private final int rowsInMemory;

    private volatile BaseDBConnector connector;
    private volatile BaseDBConnector estimator;
    /** The cursor being opened or read now, so that cancel reaches it. */
    private volatile ResultCursor opening;
    private volatile boolean cancelRequested;
    private final List<QueryResult> results = new ArrayList<>();

    private final Runnable onClose;

    public QuerySession(Supplier<BaseDBConnector> connectorFactory, Path spillDir, int rowsInMemory) {
        this(connectorFactory, spillDir, rowsInMemory, () -> { });
    }

    /** @param onClose run once the session has closed, e.g. to forget it */
    public QuerySession(Supplier<BaseDBConnector> connectorFactory, Path spillDir, int rowsInMemory, Runnable onClose) {
        this.connectorFactory = connectorFactory;
        this.spillDir = spillDir;
        this.rowsInMemory = rowsInMemory;
        this.onClose = onClose;
    }

    /**
     * Runs {@code sql}, closing every earlier result first, and returns its first page.
     *
     * @throws ConnectorException with the database's message (and position) when the statement fails
     */
    public ExecutionResult execute(String sql, List<?> params, int pageSize) {
        return execute(sql, params, pageSize, false);
    }

    /**
     * Runs {@code sql} and returns its first page.
     *
     * @param keepEarlier keep the results of earlier statements (the next statement of a script); their
     *                    unread rows are given up, the rows read stay pageable
     */
    public synchronized ExecutionResult execute(String sql, List<?> params, int pageSize, boolean keepEarlier) {
        if (keepEarlier) {
            results.forEach(QueryResult::cutShort);
        } else {
            closeResults();
        }
        cancelRequested = false;
        long start = System.nanoTime();
        BaseDBConnector c = connector();
        ResultCursor opened = c.openCursor(sql, params, Math.min(pageSize, 1000));
        opening = opened;
        try {
            if (cancelRequested) {
                opened.close();
                throw new ConnectorException(ErrorKind.CANCELLED, "The query was cancelled.");
            }
            if (!opened.isResultSet()) {
                long updates = opened.updateCount();
                Map<String, String> info = opened.runInfo();
                opened.close();
                return new ExecutionResult(null, updates, Duration.ofNanos(System.nanoTime() - start), -1, info);
            }
            QueryResult result = new QueryResult(opened, rowsInMemory, spillDir);
            results.add(result);
            int id = results.size() - 1;
            ResultPageView first = result.page(0, pageSize, () -> cancelRequested);
            return new ExecutionResult(first, -1, Duration.ofNanos(System.nanoTime() - start), id, result.runInfo());
        } finally {
            opening = null;
        }
    }

    /**
     * Page {@code index} of the newest result, reading from the database as far as needed. Pages read
     * before come back from memory or the temporary file, never from the database again.
     */
    public synchronized ResultPageView page(int index, int pageSize) {
        if (results.isEmpty()) {
            throw new IllegalStateException("No result to page through: run a query first.");
        }
        return page(results.size() - 1, index, pageSize);
    }

    /** Page {@code index} of the result {@code resultId} (see {@link ExecutionResult#resultId()}). */
    public synchronized ResultPageView page(int resultId, int index, int pageSize) {
        if (index < 0 || pageSize < 1) {
            throw new IllegalArgumentException("page " + index + " of size " + pageSize);
        }
        return rows(resultId, (long) index * pageSize, pageSize);
    }

    /**
     * Rows {@code from} to {@code from + count} of result {@code resultId}: a page that need not start on a
     * page boundary, for "fetch more" (a longer page) and for going back a page from anywhere.
     */
    public synchronized ResultPageView rows(int resultId, long from, int count) {
        if (resultId < 0 || resultId >= results.size()) {
            throw new IllegalStateException("That result is closed: run the statement again.");
        }
        cancelRequested = false;
        QueryResult result = results.get(resultId);
        opening = result.cursor();
        try {
            return result.window(from, count, () -> cancelRequested);
        } finally {
            opening = null;
        }
    }

    /** What the database reported about result {@code resultId}'s run, complete once its first page was read. */
    public synchronized Map<String, String> runInfo(int resultId) {
        return resultId >= 0 && resultId < results.size() ? results.get(resultId).runInfo() : Map.of();
    }

    /**
     * Asks the database what {@code sql} would do without running it (BigQuery's dry run), on a connection
     * of its own so that it never waits for a running statement. Empty where the database cannot tell.
     */
    public Optional<QueryEstimate> estimate(String sql, List<?> params) {
        BaseDBConnector e = estimator;
        if (e == null) {
            synchronized (this) {
                e = estimator;
                if (e == null) {
                    e = connectorFactory.get();
                    estimator = e;
                }
            }
        }
        synchronized (e) {
            e.connect();
            return e.estimate(sql, params);
        }
    }

    /** Rows of the newest result held on the heap (for tests and diagnostics). */
    public synchronized long rowsInMemory() {
        return results.isEmpty() ? 0 : results.get(results.size() - 1).rowsInMemory();
    }

    /** Stops the running statement or fetch on the database. Safe from any thread. */
    public void cancel() {
        cancelRequested = true;
        ResultCursor c = opening;
        if (c != null) {
            c.cancel();
        }
        BaseDBConnector conn = connector;
        if (conn != null) {
            conn.cancel();
        }
    }

    private BaseDBConnector connector() {
        BaseDBConnector c = connector;
        if (c == null) {
            c = connectorFactory.get();
            c.connect();
            connector = c;
        }
        return c;
    }

    private void closeResults() {
        results.forEach(QueryResult::close);
        results.clear();
    }

    @Override
    public void close() {
        cancel();
        synchronized (this) {
            closeResults();
            BaseDBConnector c = connector;
            connector = null;
            if (c != null) {
                c.disconnect();
            }
            BaseDBConnector e = estimator;
            estimator = null;
            if (e != null) {
                e.disconnect();
            }
        }
        onClose.run();
    }
}
