package dev.sextant.query;

import java.time.Duration;

/**
 * What running a statement produced: its first page of rows, or the update count of a statement
 * without rows.
 *
 * @param firstPage   null when the statement returned no result set
 * @param updateCount rows changed, or -1 when not known or not applicable
 * @param elapsed     time from sending the statement to having the first page
 */
public record ExecutionResult(ResultPageView firstPage, long updateCount, Duration elapsed) {

    public boolean hasRows() {
        return firstPage != null;
    }
}
