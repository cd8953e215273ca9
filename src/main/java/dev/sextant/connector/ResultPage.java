package dev.sextant.connector;

import java.util.List;

/**
 * One batch of rows handed out by a {@link ResultCursor}.
 *
 * @param firstRow zero-based index of the first row of this page within the whole result
 * @param rows     the rows, each an array in column order; a SQL NULL is a Java null
 * @param hasMore  whether the cursor has rows after this page
 */
public record ResultPage(long firstRow, List<Object[]> rows, boolean hasMore) {
    public ResultPage {
        rows = List.copyOf(rows);
    }

    public int size() {
        return rows.size();
    }
}
