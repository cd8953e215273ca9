package dev.sextant.query;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The statements of one editor tab: it owns its own connector (so tabs never wait on each other), runs
 * one statement at a time and pages through its result. Rows are read from the database only as pages
 * are asked for, and only a bounded number stay in memory (see {@link RowStore}).
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
    private volatile ResultCursor cursor;
    private volatile boolean cancelRequested;
    private RowStore rows;
    private List<ColumnInfo> columns = List.of();

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
     * Runs {@code sql}, closing the previous result first, and returns its first page.
     *
     * @throws ConnectorException with the database's message (and position) when the statement fails
     */
    public synchronized ExecutionResult execute(String sql, List<?> params, int pageSize) {
        closeResult();
        cancelRequested = false;
        long start = System.nanoTime();
        BaseDBConnector c = connector();
        ResultCursor opened = c.openCursor(sql, params, Math.min(pageSize, 1000));
        cursor = opened;
        if (cancelRequested) {
            closeResult();
            throw new ConnectorException(ErrorKind.CANCELLED, "The query was cancelled.");
        }
        if (!opened.isResultSet()) {
            long updates = opened.updateCount();
            closeResult();
            return new ExecutionResult(null, updates, Duration.ofNanos(System.nanoTime() - start));
        }
        columns = opened.columns();
        rows = new RowStore(rowsInMemory, spillDir);
        ResultPageView first = page(0, pageSize);
        return new ExecutionResult(first, -1, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Page {@code index} of the current result, reading from the database as far as needed. Pages read
     * before come back from memory or the temporary file, never from the database again.
     */
    public synchronized ResultPageView page(int index, int pageSize) {
        if (rows == null) {
            throw new IllegalStateException("No result to page through: run a query first.");
        }
        if (index < 0 || pageSize < 1) {
            throw new IllegalArgumentException("page " + index + " of size " + pageSize);
        }
        long from = (long) index * pageSize;
        long needed = from + pageSize + 1; // one more row tells whether a next page exists
        ResultCursor c = cursor;
        try {
            while (c != null && c.hasMore() && rows.size() < needed) {
                if (cancelRequested) {
                    throw new ConnectorException(ErrorKind.CANCELLED, "Fetching rows was cancelled.");
                }
                ResultPage page = c.nextPage((int) Math.min(1000, needed - rows.size()));
                rows.append(page.rows());
            }
        } catch (ConnectorException e) {
            finishCursor();
            throw e;
        }
        boolean complete = c == null || !c.hasMore();
        if (complete) {
            finishCursor();
        }
        List<Object[]> pageRows = rows.rows(from, pageSize);
        boolean hasNext = rows.size() > from + pageSize || !complete;
        return new ResultPageView(columns, pageRows, index, pageSize, from, rows.size(), complete, hasNext);
    }

    /** Rows of the current result held on the heap (for tests and diagnostics). */
    public synchronized long rowsInMemory() {
        return rows == null ? 0 : rows.rowsInMemory();
    }

    /** Stops the running statement or fetch on the database. Safe from any thread. */
    public void cancel() {
        cancelRequested = true;
        ResultCursor c = cursor;
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

    /** Ends the database cursor but keeps the rows already read, so the user can still page through them. */
    private void finishCursor() {
        ResultCursor c = cursor;
        cursor = null;
        if (c != null) {
            c.close();
        }
    }

    private void closeResult() {
        finishCursor();
        if (rows != null) {
            rows.close();
            rows = null;
        }
        columns = List.of();
    }

    @Override
    public void close() {
        cancel();
        synchronized (this) {
            closeResult();
            BaseDBConnector c = connector;
            connector = null;
            if (c != null) {
                c.disconnect();
            }
        }
        onClose.run();
    }
}
