package dev.sextant.query;

import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The rows of one statement's result: read from its cursor only as far as a page needs, kept in a
 * {@link RowStore} (bounded memory, the rest spilled to a temporary file) so earlier pages come back
 * without asking the database again. Guarded by its session's lock.
 */
final class QueryResult implements AutoCloseable {

    private final List<ColumnInfo> columns;
    private final RowStore rows;
    private ResultCursor cursor;
    private boolean cutShort;
    private Map<String, String> runInfo = Map.of();

    QueryResult(ResultCursor cursor, int rowsInMemory, Path spillDir) {
        this.cursor = cursor;
        this.columns = cursor.columns();
        this.rows = new RowStore(rowsInMemory, spillDir);
    }

    List<ColumnInfo> columns() {
        return columns;
    }

    Map<String, String> runInfo() {
        return runInfo;
    }

    /** Page {@code index}, reading from the database as far as needed (plus one row, to know whether more follow). */
    ResultPageView page(int index, int pageSize, BooleanSupplier cancelled) {
        if (index < 0 || pageSize < 1) {
            throw new IllegalArgumentException("page " + index + " of size " + pageSize);
        }
        return window((long) index * pageSize, pageSize, cancelled);
    }

    /** Rows {@code from} to {@code from + count}, reading from the database as far as needed. */
    ResultPageView window(long from, int pageSize, BooleanSupplier cancelled) {
        if (from < 0 || pageSize < 1) {
            throw new IllegalArgumentException("rows from " + from + ", " + pageSize + " of them");
        }
        int index = (int) (from / pageSize);
        long needed = from + pageSize + 1;
        ResultCursor c = cursor;
        try {
            while (c != null && c.hasMore() && rows.size() < needed) {
                if (cancelled.getAsBoolean()) {
                    throw new ConnectorException(ErrorKind.CANCELLED, "Fetching rows was cancelled.");
                }
                ResultPage page = c.nextPage((int) Math.min(1000, needed - rows.size()));
                rows.append(page.rows());
                if (runInfo.isEmpty()) {
                    runInfo = c.runInfo();
                }
            }
        } catch (ConnectorException e) {
            finishCursor();
            throw e;
        }
        if (c != null && runInfo.isEmpty()) {
            runInfo = c.runInfo();
        }
        boolean complete = c == null ? !cutShort : !c.hasMore();
        if (c != null && complete) {
            finishCursor();
        }
        List<Object[]> pageRows = rows.rows(from, pageSize);
        boolean hasNext = rows.size() > from + pageSize || c != null && !complete;
        return new ResultPageView(columns, pageRows, index, pageSize, from, rows.size(), complete && !cutShort, hasNext, cutShort);
    }

    ResultCursor cursor() {
        return cursor;
    }

    /** Ends the database cursor but keeps the rows already read. */
    void finishCursor() {
        ResultCursor c = cursor;
        cursor = null;
        if (c != null) {
            c.close();
        }
    }

    /** Gives up the unread rest, because the connection moves on to the next statement of a script. */
    void cutShort() {
        if (cursor != null && cursor.hasMore()) {
            cutShort = true;
        }
        finishCursor();
    }

    long rowsInMemory() {
        return rows.rowsInMemory();
    }

    @Override
    public void close() {
        finishCursor();
        rows.close();
    }
}
