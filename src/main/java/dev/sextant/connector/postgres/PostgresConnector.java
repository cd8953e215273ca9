package dev.sextant.connector.postgres;

import static dev.sextant.connector.postgres.PostgresConnectorProvider.APPLICATION_NAME;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.CONNECT_TIMEOUT;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.DATABASE;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.EXTRA_PROPERTIES;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.HOST;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.PASSWORD;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.PORT;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.SEARCH_PATH;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.SOCKET_TIMEOUT;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.SSL_CERT;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.SSL_KEY;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.SSL_MODE;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.SSL_ROOT_CERT;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.STATEMENT_TIMEOUT;
import static dev.sextant.connector.postgres.PostgresConnectorProvider.USER;

import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.SqlDialect;
import dev.sextant.connector.TestStage;
import dev.sextant.connector.jdbc.JdbcConnector;
import dev.sextant.connector.jdbc.JdbcCursor;
import dev.sextant.connector.jdbc.SqlErrorTranslator;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL through pgjdbc. Results stream through a server-side cursor (autocommit off for the
 * statement's own transaction, a fetch size, forward-only), so the first page of a huge result arrives
 * without reading the rest; the transaction ends when the result is closed. Read-only configs run
 * read-only sessions that the server enforces. The password goes in the connection properties, never in
 * the URL.
 */
public final class PostgresConnector extends JdbcConnector {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresConnector.class);
    private static final Set<String> RESERVED_PROPERTIES = Set.of("user", "password", "url");

    private final PgErrors errors = new PgErrors();
    private final PgValues values = new PgValues();
    private volatile PgDiagnostic diagnostic;

    PostgresConnector(ConnectionParameters parameters) {
        super(parameters);
    }

    @Override
    public SqlDialect dialect() {
        return PostgresConnectorProvider.DIALECT;
    }

    /** {@code jdbc:postgresql://host:port/database}; holds no user or secret. */
    String url() {
        String host = parameters().required(HOST, "Host");
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = parameters().intValue(PORT, "Port", 5432);
        if (port < 1 || port > 65535) {
            throw new ConnectorException(ErrorKind.INTERNAL, "'Port' must be between 1 and 65535, not " + port + ".");
        }
        String database = parameters().required(DATABASE, "Database");
        return "jdbc:postgresql://" + host + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** The driver properties: credentials, TLS, timeouts, keep-alive, read-only mode and any extras. */
    Properties properties() {
        Properties p = new Properties();
        parameters().value(EXTRA_PROPERTIES).ifPresent(extra -> {
            for (String pair : extra.split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new ConnectorException(ErrorKind.INTERNAL,
                            "'Extra JDBC properties' must be name=value pairs separated by ';' (check '" + pair.strip() + "').");
                }
                String name = pair.substring(0, eq).strip();
                if (RESERVED_PROPERTIES.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new ConnectorException(ErrorKind.INTERNAL, "'Extra JDBC properties' may not set '" + name
                            + "': use the connection's own fields.");
                }
                p.setProperty(name, pair.substring(eq + 1).strip());
            }
        });
        p.setProperty("user", parameters().required(USER, "User"));
        parameters().secret(PASSWORD).ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("sslmode", parameters().value(SSL_MODE).orElse("prefer"));
        parameters().value(SSL_ROOT_CERT).ifPresent(v -> p.setProperty("sslrootcert", v));
        parameters().value(SSL_CERT).ifPresent(v -> p.setProperty("sslcert", v));
        parameters().value(SSL_KEY).ifPresent(v -> p.setProperty("sslkey", v));
        p.setProperty("ApplicationName", parameters().value(APPLICATION_NAME).orElse("Sextant"));
        int connectTimeout = parameters().intValue(CONNECT_TIMEOUT, "Connect timeout (s)", 10);
        p.setProperty("connectTimeout", String.valueOf(connectTimeout));
        p.setProperty("loginTimeout", String.valueOf(connectTimeout));
        p.setProperty("socketTimeout", String.valueOf(parameters().intValue(SOCKET_TIMEOUT, "Socket timeout (s)", 0)));
        p.setProperty("tcpKeepAlive", "true");
        if (parameters().readOnly()) {
            p.setProperty("readOnly", "true");
            p.setProperty("readOnlyMode", "always");
        }
        return p;
    }

    @Override
    protected SqlErrorTranslator errors() {
        return errors;
    }

    @Override
    protected Connection open() {
        String url = url();
        Properties props = properties();
        Connection c;
        try {
            c = new org.postgresql.Driver().connect(url, props);
        } catch (SQLException e) {
            if (PgTlsProblems.isTls(e)) {
                throw new ConnectorException(ErrorKind.TLS, PgTlsProblems.describe(e, parameters().required(HOST, "Host"),
                        props.getProperty("sslmode"), parameters().value(SSL_ROOT_CERT).orElse(null)), null,
                        e.getSQLState(), e);
            }
            throw errors.translate(e, null);
        }
        try {
            prepareSession(c);
            LOG.debug("Connected to PostgreSQL at {}", url);
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw errors.translate(e, null);
        }
    }

    private void prepareSession(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (parameters().readOnly()) {
                // the server refuses writes in this session, whatever the SQL looks like
                s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            }
            int statementTimeout = parameters().intValue(STATEMENT_TIMEOUT, "Statement timeout (s)", 0);
            if (statementTimeout > 0) {
                s.execute("SET statement_timeout = " + (statementTimeout * 1000L));
            }
        }
        if (parameters().value(SEARCH_PATH).isPresent()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('search_path', ?, false)")) {
                ps.setString(1, parameters().value(SEARCH_PATH).get());
                ps.execute();
            }
        }
    }

    @Override
    public ResultCursor openCursor(String sql, List<?> params, int fetchSize) {
        if (sql == null || sql.isBlank()) {
            throw new ConnectorException(ErrorKind.SYNTAX, "There is no statement to run.");
        }
        Connection c = connection();
        PreparedStatement ps = null;
        try {
            reconnectIfClosed();
            c = connection();
            if (parameters().readOnly()) {
                requireOneStatement(c, sql);
            }
            c.setAutoCommit(false);
            ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(Math.max(1, fetchSize));
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i) instanceof String text) {
                    // sent without a type, so the server reads it as whatever the statement needs there
                    // (a number for "id = ?", a date for "day > ?"), as it would a quoted literal
                    ps.setObject(i + 1, text, java.sql.Types.OTHER);
                } else {
                    ps.setObject(i + 1, params.get(i));
                }
            }
            running.add(ps);
            boolean hasRows = ps.execute();
            if (!hasRows) {
                long updates = ps.getLargeUpdateCount();
                PreparedStatement done = ps;
                endTransaction(c, done);
                return new JdbcCursor(done, null, updates, values, errors, sql, () -> { });
            }
            PreparedStatement owned = ps;
            Connection owner = c;
            return new JdbcCursor(ps, ps.getResultSet(), -1, values, errors, sql, () -> endTransaction(owner, owned));
        } catch (SQLException e) {
            if (ps != null) {
                running.remove(ps);
                closeQuietly(ps);
            }
            rollbackQuietly(c);
            throw errors.translate(e, sql);
        }
    }

    /** Commits the statement's transaction (a failed one rolls back) and returns to autocommit. */
    private void endTransaction(Connection c, Statement statement) {
        running.remove(statement);
        try {
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c);
        }
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debug("Could not return to autocommit: {}", e.getMessage());
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("Rollback failed: {}", e.getMessage());
        }
    }

    /**
     * A read-only session runs one statement per transaction, which the driver begins READ ONLY. Several
     * statements in one string could end that transaction and begin a read-write one
     * ({@code COMMIT; BEGIN READ WRITE; ...}), or turn it read-write before their first query
     * ({@code SET TRANSACTION READ WRITE; INSERT ...}), so they are refused. The driver's own parser
     * counts the statements, exactly as it would split them to send them.
     */
    private static void requireOneStatement(Connection c, String sql) throws SQLException {
        boolean standardStrings = c.unwrap(BaseConnection.class).getStandardConformingStrings();
        List<NativeQuery> statements = Parser.parseJdbcSql(sql, standardStrings, true, true, false, false);
        if (statements.size() > 1) {
            throw new ConnectorException(ErrorKind.READ_ONLY_VIOLATION, "This connection is read-only, so it runs one "
                    + "statement at a time, each in a read-only transaction that the server enforces. This text holds "
                    + statements.size() + " statements: run them one by one.");
        }
    }

    @Override
    public ConnectionTestReport testConnection() {
        return testConnection(stage -> { });
    }

    @Override
    public ConnectionTestReport testConnection(Consumer<TestStage> onStage) {
        PgDiagnostic test = new PgDiagnostic(parameters(), this::url, this::properties, errors, onStage);
        diagnostic = test;
        try {
            return test.run();
        } finally {
            diagnostic = null;
        }
    }

    /** Stops running statements and a connection test in progress. */
    @Override
    public void cancel() {
        super.cancel();
        PgDiagnostic test = diagnostic;
        if (test != null) {
            test.cancel();
        }
    }

    @Override
    public List<SchemaRef> listSchemas(boolean includeSystem) {
        return withConnection(c -> new PgSchemaScanner(c).listSchemas(includeSystem));
    }

    @Override
    public Schema scanSchema(SchemaRef schema) {
        return withConnection(c -> new PgSchemaScanner(c).scan(schema));
    }

    /** All the schemas in one set of catalog queries, rather than one set per schema. */
    @Override
    public List<Schema> scanSchemas(List<SchemaRef> schemas) {
        return withConnection(c -> new PgSchemaScanner(c).scan(schemas));
    }
}
