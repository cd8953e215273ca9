package dev.sextant.query;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of one statement, as the history keeps it.
 *
 * @param id             the store's id, or 0 before it is recorded
 * @param configId       the connection's id, or null once the connection was deleted
 * @param connectionName the connection's name when the statement ran
 * @param rowCount       rows read (for a query) or -1
 * @param updateCount    rows changed (for other statements) or -1
 * @param error          the database's message when the run failed, else null
 * @param parameters     the parameters given, as text; values marked secret are never in it
 */
public record HistoryEntry(long id, String configId, String connectionName, String sql, Instant startedAt,
                           long durationMillis, long rowCount, long updateCount, Outcome outcome, String error,
                           String parameters) {

    /** How a run ended. */
    public enum Outcome { SUCCEEDED, FAILED, CANCELLED }

    public HistoryEntry {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(outcome, "outcome");
        connectionName = connectionName == null ? "" : connectionName;
        parameters = parameters == null ? "" : parameters;
    }
}
