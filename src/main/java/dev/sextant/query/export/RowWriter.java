package dev.sextant.query.export;

import dev.sextant.connector.ColumnInfo;
import java.io.IOException;
import java.util.List;

/** Writes rows to an output stream in one file format, one row at a time, so no result is held whole. */
interface RowWriter extends AutoCloseable {

    void header(List<ColumnInfo> columns) throws IOException;

    void row(Object[] values) throws IOException;

    /** Writes what the format needs after the last row and flushes; closing the stream is the caller's. */
    void finish() throws IOException;

    @Override
    default void close() {
    }
}
