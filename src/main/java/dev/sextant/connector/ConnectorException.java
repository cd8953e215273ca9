package dev.sextant.connector;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception type for connector failures. The message is written for the person using
 * Sextant (what happened, what to check); the cause keeps the driver's details. It is unchecked so
 * that background tasks and lambdas stay readable; every connector method documents that it throws it.
 */
public class ConnectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final Integer position;
    private final String sqlState;

    public ConnectorException(ErrorKind kind, String message) {
        this(kind, message, null, null, null);
    }

    public ConnectorException(ErrorKind kind, String message, Throwable cause) {
        this(kind, message, null, null, cause);
    }

    /**
     * @param position zero-based character offset in the submitted SQL where the database located the
     *                 error, or null when it did not say
     */
    public ConnectorException(ErrorKind kind, String message, Integer position, String sqlState, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.position = position;
        this.sqlState = sqlState;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** Zero-based offset into the statement's text where the error was reported, if the database gave one. */
    public Optional<Integer> position() {
        return Optional.ofNullable(position);
    }

    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
