package dev.sextant.connector.bigquery;

import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.TableResult;
import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one finished query job, read page by page through the client's page tokens: the first
 * page came with the job's result, each later page is fetched only when the rows before it have been
 * handed out. Cancel stops fetching; the job itself is already done.
 */
final class BigQueryCursor implements ResultCursor {

    private final FieldList fields;
    private final List<ColumnInfo> columns;
    private final long updateCount;
    private final Map<String, String> runInfo;
    private final BigQueryErrors errors;
    private final Runnable onClose;

    private TableResult page;
    private Iterator<FieldValueList> rows;
    private long rowsRead;
    private volatile boolean cancelled;
    private volatile boolean closed;

    /**
     * @param result   the job's rows, or null for a statement without a result (DML, DDL)
     * @param runInfo  what BigQuery reported about the run, in display order
     */
    BigQueryCursor(TableResult result, long updateCount, Map<String, String> runInfo, BigQueryErrors errors, Runnable onClose) {
        boolean hasRows = result != null && result.getSchema() != null && !result.getSchema().getFields().isEmpty();
        this.fields = hasRows ? result.getSchema().getFields() : null;
        this.columns = hasRows ? List.copyOf(BigQueryValues.columns(fields)) : List.of();
        this.page = hasRows ? result : null;
        this.rows = hasRows ? result.getValues().iterator() : Collections.emptyIterator();
        this.updateCount = updateCount;
        this.runInfo = Collections.unmodifiableMap(new LinkedHashMap<>(runInfo));
        this.errors = errors;
        this.onClose = onClose;
    }

    @Override
    public boolean isResultSet() {
        return fields != null;
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
        return !closed && page != null && (rows.hasNext() || page.hasNextPage());
    }

    @Override
    public ResultPage nextPage(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        }
        long first = rowsRead;
        List<Object[]> out = new ArrayList<>(Math.min(maxRows, 1024));
        while (page != null && out.size() < maxRows) {
            if (cancelled) {
                throw new ConnectorException(ErrorKind.CANCELLED, "Fetching rows was cancelled.");
            }
            if (rows.hasNext()) {
                out.add(BigQueryValues.row(fields, rows.next()));
                rowsRead++;
            } else if (page.hasNextPage()) {
                try {
                    page = page.getNextPage(); // the next page token's rows, one request
                } catch (RuntimeException e) {
                    throw cancelled ? new ConnectorException(ErrorKind.CANCELLED, "Fetching rows was cancelled.", e)
                            : errors.translate(e, null);
                }
                rows = page.getValues().iterator();
            } else {
                break;
            }
        }
        return new ResultPage(first, out, hasMore());
    }

    @Override
    public Map<String, String> runInfo() {
        return runInfo;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            page = null;
            rows = Collections.emptyIterator();
            onClose.run();
        }
    }
}
