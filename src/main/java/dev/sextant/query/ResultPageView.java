package dev.sextant.query;

import dev.sextant.connector.ColumnInfo;
import java.util.List;

/**
 * One page of a result as the grid shows it.
 *
 * @param firstRow      zero-based index of the page's first row in the whole result
 * @param rowsRead      rows read from the database so far
 * @param complete      true once the database has no more rows (then {@code rowsRead} is the final count)
 * @param hasNextPage   whether a next page exists or may exist
 * @param cutShort      the rest of the result was given up unread because a later statement of the script
 *                      ran on the same connection; {@code rowsRead} rows can still be paged through
 */
public record ResultPageView(List<ColumnInfo> columns, List<Object[]> rows, int pageIndex, int pageSize,
                             long firstRow, long rowsRead, boolean complete, boolean hasNextPage, boolean cutShort) {

    public ResultPageView {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public ResultPageView(List<ColumnInfo> columns, List<Object[]> rows, int pageIndex, int pageSize,
                          long firstRow, long rowsRead, boolean complete, boolean hasNextPage) {
        this(columns, rows, pageIndex, pageSize, firstRow, rowsRead, complete, hasNextPage, false);
    }

    public boolean hasPreviousPage() {
        return firstRow > 0;
    }

    /** One-based number of the last row shown, or {@code firstRow} when the page is empty. */
    public long lastRow() {
        return firstRow + rows.size();
    }
}
