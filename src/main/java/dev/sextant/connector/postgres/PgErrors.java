package dev.sextant.connector.postgres;

import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.jdbc.SqlErrorTranslator;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads PostgreSQL's SQLSTATE codes and server messages. The server reports a 1-based character position
 * for syntax and name errors; it becomes the zero-based position of the error.
 */
final class PgErrors implements SqlErrorTranslator {

    @Override
    public ConnectorException translate(SQLException e, String sql) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        Integer position = null;
        if (server != null && server.getPosition() > 0 && sql != null) {
            position = Math.min(server.getPosition() - 1, sql.length());
        }
        ErrorKind kind = kindOf(state, e);
        String message = message(kind, state, e, server);
        return new ConnectorException(kind, message, position, state, e);
    }

    static ErrorKind kindOf(String state, SQLException e) {
        Throwable cause = e.getCause();
        if (PgTlsProblems.isTls(e)) {
            return ErrorKind.TLS;
        }
        if (cause instanceof SocketTimeoutException || (state.startsWith("08") && e.getMessage() != null
                && e.getMessage().contains("timed out"))) {
            return ErrorKind.TIMEOUT;
        }
        if (cause instanceof UnknownHostException || cause instanceof ConnectException) {
            return ErrorKind.NETWORK;
        }
        if (state.equals("57014")) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            return msg.contains("statement timeout") ? ErrorKind.TIMEOUT : ErrorKind.CANCELLED;
        }
        if (state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            // the server shut down, crashed, or is starting: the session is gone, not the statement's fault
            return ErrorKind.NETWORK;
        }
        if (state.equals("25006")) {
            return ErrorKind.READ_ONLY_VIOLATION;
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return ErrorKind.AUTHENTICATION;
        }
        if (state.equals("3D000") || state.equals("42P01") || state.equals("42703") || state.equals("42883")
                || state.equals("3F000") || state.equals("42704")) {
            return ErrorKind.NOT_FOUND;
        }
        if (state.equals("42501")) {
            return ErrorKind.PERMISSION;
        }
        if (state.startsWith("53") || state.startsWith("54")) {
            return ErrorKind.QUOTA;
        }
        if (state.startsWith("08")) {
            return ErrorKind.NETWORK;
        }
        if (state.startsWith("42") || state.startsWith("22") || state.startsWith("23") || state.startsWith("2B")
                || state.startsWith("0A")) {
            return ErrorKind.SYNTAX;
        }
        return ErrorKind.INTERNAL;
    }

    /** The server's own words where there are some, with a hint for what to check on connection problems. */
    private static String message(ErrorKind kind, String state, SQLException e, ServerErrorMessage server) {
        String base = server != null && server.getMessage() != null ? server.getMessage()
                : e.getMessage() == null ? "The database reported an error without a message." : e.getMessage();
        if (server != null && server.getDetail() != null) {
            base += " (" + server.getDetail() + ")";
        }
        return switch (kind) {
            case READ_ONLY_VIOLATION -> "This connection is read-only: the server refused to change data ("
                    + base + ").";
            case TIMEOUT -> state.equals("57014") ? "The statement ran longer than the connection's statement timeout and "
                    + "was stopped." : "The server did not answer in time: " + base;
            case TLS -> "The TLS (SSL) handshake failed: " + base + ". Check the SSL mode and certificates.";
            // 08001: no connection could be made (refused, unreachable), as opposed to one that was lost
            case NETWORK -> state.equals("08001")
                    ? "Sextant could not connect to the server (" + base + "). Check that it is running and can be "
                    + "reached; the connection's test shows which step fails."
                    : state.startsWith("57P") || state.startsWith("08")
                    ? "The connection to the server was lost (" + base + "). If the server is restarting, run the "
                    + "statement again once it is back: Sextant reconnects by itself." : base;
            default -> base;
        };
    }
}
