package dev.sextant.connector.jdbc;

import dev.sextant.connector.ConnectorException;
import java.sql.SQLException;

/** Turns a driver's SQLException into a ConnectorException with a kind, a readable message and a position. */
@FunctionalInterface
public interface SqlErrorTranslator {

    /**
     * @param sql the statement that failed, or null when the failure was not about a statement
     */
    ConnectorException translate(SQLException e, String sql);
}
