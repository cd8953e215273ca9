package dev.sextant.connector.jdbc;

import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ResultCursor} over a JDBC statement that has already been executed. It reads one row ahead
 * so that {@link #hasMore()} is exact, and checks for cancel between rows as well as asking the driver
 * to cancel.
 */
public final class JdbcCursor implements ResultCursor {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcCursor.class);

    private final Statement statement;
    private final ResultSet resultSet;
    private final long updateCount;
    private final List<ColumnInfo> columns;
    private final JdbcValues values;
    private final SqlErrorTranslator errors;
    private final String sql;
    private final Runnable onClose;

    private volatile boolean cancelled;
    private boolean closed;
    private boolean rowPending;
    private long rowsRead;

    /**
     * @param resultSet the statement's result, or null when it produced an update count
     * @param onClose   run once when the cursor closes (e.g. to end the cursor's transaction)
     */
    public JdbcCursor(Statement statement, ResultSet resultSet, long updateCount, JdbcValues values,
                      SqlErrorTranslator errors, String sql, Runnable onClose) throws SQLException {
        this.statement = statement;
        this.resultSet = resultSet;
        this.updateCount = updateCount;
        this.values = values;
        this.errors = errors;
        this.sql = sql;
        this.onClose = onClose;
        this.columns = resultSet == null ? List.of() : List.copyOf(values.columns(resultSet.getMetaData()));
        this.rowPending = resultSet != null && resultSet.next();
    }

    @Override
    public boolean isResultSet() {
        return resultSet != null;
    }

    @Override
    public List<ColumnInfo> columns() {
        return columns;
    }

    @Override
    public long updateCount() {
        return updateCount;
    }

    @Override
    public boolean hasMore() {
        return rowPending && !closed;
    }

    @Override
    public ResultPage nextPage(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        }
        long first = rowsRead;
        List<Object[]> rows = new ArrayList<>(Math.min(maxRows, 1024));
        try {
            while (rowPending && rows.size() < maxRows) {
                if (cancelled) {
                    throw new ConnectorException(ErrorKind.CANCELLED, "The query was cancelled.");
                }
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = values.read(resultSet, i + 1, columns.get(i).kind());
                }
                rows.add(row);
                rowsRead++;
                rowPending = resultSet.next();
            }
        } catch (SQLException e) {
            rowPending = false;
            throw cancelled ? new ConnectorException(ErrorKind.CANCELLED, "The query was cancelled.", e)
                    : errors.translate(e, sql);
        }
        return new ResultPage(first, rows, rowPending);
    }

    @Override
    public void cancel() {
        cancelled = true;
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Cancel was not accepted by the driver: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (resultSet != null) {
                resultSet.close();
            }
            statement.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Closing a result failed: {}", e.getMessage());
        } finally {
            onClose.run();
        }
    }
}
