package dev.sextant.connector.jdbc;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every JDBC connector shares: one connection, the statements it is running (so cancel reaches them
 * all), and turning a driver's SQLException into a ConnectorException. Each database opens its own
 * connection and reads its own catalog.
 */
public abstract class JdbcConnector extends BaseDBConnector {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConnector.class);

    /** Statements running now; cancel asks each to stop. */
    protected final Set<Statement> running = ConcurrentHashMap.newKeySet();
    private volatile Connection connection;

    protected JdbcConnector(ConnectionParameters parameters) {
        super(parameters);
    }

    /** Opens a new connection with this connector's settings. */
    protected abstract Connection open();

    protected abstract SqlErrorTranslator errors();

    /** Work on the connection that may throw SQLException. */
    @FunctionalInterface
    protected interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on the open connection, translating any SQLException. A connection the server
     * closed since the last statement (a restart, say) is opened again first.
     */
    protected <T> T withConnection(SqlWork<T> work) {
        connection();
        reconnectIfClosed();
        try {
            return work.run(connection());
        } catch (SQLException e) {
            throw errors().translate(e, null);
        }
    }

    @Override
    public synchronized void connect() {
        if (connection == null) {
            connection = open();
        }
    }

    @Override
    public synchronized void disconnect() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            cancel();
            closeQuietly(c);
        }
    }

    @Override
    public boolean isConnected() {
        return connection != null;
    }

    /** The open connection. */
    protected Connection connection() {
        Connection c = connection;
        if (c == null) {
            throw new ConnectorException(ErrorKind.INTERNAL, "Not connected. Connect before running statements.");
        }
        return c;
    }

    /** After the server closed the session (restart, network, terminated backend), opens a fresh one. */
    protected synchronized void reconnectIfClosed() {
        Connection c = connection;
        try {
            if (c != null && c.isClosed()) {
                LOG.info("The database connection was closed; reconnecting");
                connection = open();
            }
        } catch (SQLException e) {
            throw errors().translate(e, null);
        }
    }

    @Override
    public void cancel() {
        for (Statement s : running) {
            try {
                s.cancel();
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Cancel was not accepted: {}", e.getMessage());
            }
        }
    }

    @Override
    protected String[] productNameAndVersion() {
        return withConnection(c -> new String[] {c.getMetaData().getDatabaseProductName(),
                c.getMetaData().getDatabaseProductVersion()});
    }

    protected static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Close failed: {}", e.getMessage());
        }
    }
}
