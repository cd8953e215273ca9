package dev.sextant.query;

import java.time.Duration;
import java.util.Map;

/**
 * What running a statement produced: its first page of rows, or the update count of a statement
 * without rows.
 *
 * @param firstPage   null when the statement returned no result set
 * @param updateCount rows changed, or -1 when not known or not applicable
 * @param elapsed     time from sending the statement to having the first page
 * @param resultId    which result of the session this is, for paging it later
 * @param runInfo     what the database reported about the run (BigQuery: bytes processed and billed,
 *                    cache hit, job id), in display order; empty when it reports nothing
 */
public record ExecutionResult(ResultPageView firstPage, long updateCount, Duration elapsed, int resultId,
                              Map<String, String> runInfo) {

    public ExecutionResult {
        runInfo = runInfo == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(runInfo));
    }

    public ExecutionResult(ResultPageView firstPage, long updateCount, Duration elapsed) {
        this(firstPage, updateCount, elapsed, 0, Map.of());
    }

    public boolean hasRows() {
        return firstPage != null;
    }
}
