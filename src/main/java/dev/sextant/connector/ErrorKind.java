package dev.sextant.connector;

/** What went wrong, in terms a person (and the UI) can act on. */
public enum ErrorKind {
    AUTHENTICATION("Authentication failed"),
    NETWORK("Network problem"),
    /** The database is held by another program (an H2 file another process has open). */
    IN_USE("Database in use"),
    TIMEOUT("Timed out"),
    TLS("TLS/SSL problem"),
    SYNTAX("SQL error"),
    PERMISSION("Permission denied"),
    NOT_FOUND("Not found"),
    CANCELLED("Cancelled"),
    QUOTA("Quota exceeded"),
    READ_ONLY_VIOLATION("This connection is read-only"),
    INTERNAL("Unexpected error");

    private final String title;

    ErrorKind(String title) {
        this.title = title;
    }

    /** A short heading for this kind of failure, shown above the message. */
    public String title() {
        return title;
    }
}
