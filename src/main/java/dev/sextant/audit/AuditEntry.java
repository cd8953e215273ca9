package dev.sextant.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One call an MCP client made, as the audit log keeps it. It holds what was asked (the SQL, or the object
 * described) and how it ended, never a secret: connections are named, and their secrets never reach MCP.
 *
 * @param id         the store's number for the entry; 0 before it is recorded
 * @param client     the client's name and version as it introduced itself, or empty
 * @param operation  the tool or resource called, e.g. {@code run_query}
 * @param configId   the connection's id while it exists, or null
 * @param connection the connection's name as the client gave it, or empty
 * @param request    the SQL or the object asked for, or empty
 * @param rowCount   rows returned or changed, or null when none were
 * @param message    why a call was refused or failed, or a short note; empty when there is nothing to say
 */
public record AuditEntry(long id, Instant calledAt, String client, String operation, String configId, String connection,
                         String request, Outcome outcome, Long rowCount, Duration duration, String message) {

    /** How a call ended. */
    public enum Outcome {
        /** It ran. */
        OK,
        /** Sextant's rules stopped it before or while it ran (hidden connection, read-only, cap, time limit). */
        REFUSED,
        /** The database or the connection failed. */
        FAILED
    }

    public AuditEntry {
        Objects.requireNonNull(calledAt, "calledAt");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        client = client == null ? "" : client;
        connection = connection == null ? "" : connection;
        request = request == null ? "" : request;
        message = message == null ? "" : message;
    }
}
