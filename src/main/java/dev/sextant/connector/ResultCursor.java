package dev.sextant.connector;

import java.util.List;
import java.util.Map;

/**
 * A streaming view over one statement's result: rows are read from the database only when a page is
 * asked for, so the first page of a huge result arrives without reading the rest. Not thread-safe,
 * except {@link #cancel()}, which may be called from any thread while another thread waits on the cursor.
 */
public interface ResultCursor extends AutoCloseable {

    /** True when the statement produced rows; false for updates, DDL and other commands. */
    boolean isResultSet();

    /** The result's columns; empty when {@link #isResultSet()} is false. */
    List<ColumnInfo> columns();

    /** Rows changed by a statement that is not a query, or -1 when the database does not say. */
    long updateCount();

    /**
     * Reads up to {@code maxRows} more rows.
     *
     * @throws ConnectorException with kind CANCELLED when {@link #cancel()} stopped the read
     */
    ResultPage nextPage(int maxRows);

    /** Whether rows remain to be read. */
    boolean hasMore();

    /**
     * What the database reported about this run, as labelled values in display order, e.g. "Bytes
     * processed", "Bytes billed", "Cache hit", "Job id" for BigQuery. Empty when it reports nothing
     * beyond the rows. Complete once the first page has been read.
     */
    default Map<String, String> runInfo() {
        return Map.of();
    }

    /** Stops the statement on the database, from any thread. Idempotent. */
    void cancel();

    /** Releases the statement and its result on the database. Idempotent; never throws. */
    @Override
    void close();
}
