package dev.sextant.connector;

import java.util.Objects;

/**
 * What the database says a statement would do, asked without running it (BigQuery's dry run). The
 * editor shows it as the user types, read-only connections use it to refuse a statement before it runs,
 * and the MCP server refuses a query above the connection's cap.
 *
 * @param statementType  the database's own name for the statement, e.g. "SELECT", "INSERT", "CREATE_TABLE"
 * @param query          true when the statement only reads data
 * @param bytesProcessed the bytes the statement would read, or -1 when the database does not say
 * @param bytesCap       the most bytes the connection lets one statement bill, or -1 when it sets no cap
 */
public record QueryEstimate(String statementType, boolean query, long bytesProcessed, long bytesCap) {

    public QueryEstimate {
        Objects.requireNonNull(statementType, "statementType");
    }

    /** Whether running the statement would be refused by the connection's cap on bytes billed. */
    public boolean exceedsCap() {
        return bytesCap >= 0 && bytesProcessed > bytesCap;
    }
}
