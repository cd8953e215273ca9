package dev.sextant.connector.postgres;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConfigField;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ConnectorProvider;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.FieldType;
import dev.sextant.connector.SqlDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.naming.NamingException;
import org.postgresql.ds.PGSimpleDataSource;

/** Registers the PostgreSQL connector (see META-INF/services). */
public final class PostgresConnectorProvider implements ConnectorProvider {

    public static final String TYPE = "postgresql";
    static final String HOST = "host";
    static final String PORT = "port";
    static final String DATABASE = "database";
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String SSL_MODE = "sslMode";
    static final String SSL_ROOT_CERT = "sslRootCert";
    static final String SSL_CERT = "sslCert";
    static final String SSL_KEY = "sslKey";
    static final String APPLICATION_NAME = "applicationName";
    static final String CONNECT_TIMEOUT = "connectTimeout";
    static final String SOCKET_TIMEOUT = "socketTimeout";
    static final String STATEMENT_TIMEOUT = "statementTimeout";
    static final String SEARCH_PATH = "searchPath";
    static final String EXTRA_PROPERTIES = "extraProperties";
    static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    /** The modes that may encrypt, where a client certificate can be offered. */
    private static final String[] ENCRYPTING_MODES = {"allow", "prefer", "require", "verify-ca", "verify-full"};

    static final SqlDialect DIALECT = SqlDialect.doubleQuoted("PostgreSQL", false, Set.of(
            "ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "AUTHORIZATION", "BINARY",
            "BOTH", "CASE", "CAST", "CHECK", "COLLATE", "COLLATION", "COLUMN", "CONCURRENTLY", "CONSTRAINT", "CREATE",
            "CROSS", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "CURRENT_USER", "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT", "DO", "ELSE", "END",
            "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FREEZE", "FROM", "FULL", "GRANT", "GROUP", "HAVING", "ILIKE",
            "IN", "INITIALLY", "INNER", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "LATERAL", "LEADING", "LEFT",
            "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "NATURAL", "NOT", "NOTNULL", "NULL", "OFFSET", "ON",
            "ONLY", "OR", "ORDER", "OUTER", "OVERLAPS", "PLACING", "PRIMARY", "REFERENCES", "RETURNING", "RIGHT",
            "SELECT", "SESSION_USER", "SIMILAR", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TABLESAMPLE", "THEN",
            "TO", "TRAILING", "TRUE", "UNION", "UNIQUE", "USER", "USING", "VARIADIC", "VERBOSE", "WHEN", "WHERE",
            "WINDOW", "WITH"));

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                ConfigField.text(HOST, "Host", true, "localhost", "Main", "Name or address of the server."),
                ConfigField.of(PORT, "Port", FieldType.INTEGER, true, "5432", "Main", ""),
                ConfigField.text(DATABASE, "Database", true, null, "Main", ""),
                ConfigField.text(USER, "User", true, null, "Authentication", ""),
                ConfigField.secret(PASSWORD, "Password", false, "Authentication",
                        "Kept in the system keychain, the session, or an environment variable; never in the settings."),
                ConfigField.choice(SSL_MODE, "SSL mode", SSL_MODES, "prefer", "SSL",
                        "verify-full checks the server's certificate and name; require only encrypts."),
                ConfigField.of(SSL_ROOT_CERT, "Root certificate", FieldType.FILE, false, null, "SSL",
                        "The CA certificate that signed the server's certificate.")
                        .shownWhen(SSL_MODE, "verify-ca", "verify-full"),
                ConfigField.of(SSL_CERT, "Client certificate", FieldType.FILE, false, null, "SSL", "")
                        .shownWhen(SSL_MODE, ENCRYPTING_MODES),
                ConfigField.of(SSL_KEY, "Client key", FieldType.FILE, false, null, "SSL", "")
                        .shownWhen(SSL_MODE, ENCRYPTING_MODES),
                ConfigField.text(APPLICATION_NAME, "Application name", false, "Sextant", "Advanced",
                        "Shown in pg_stat_activity."),
                ConfigField.of(CONNECT_TIMEOUT, "Connect timeout (s)", FieldType.INTEGER, false, "10", "Advanced", ""),
                ConfigField.of(SOCKET_TIMEOUT, "Socket timeout (s)", FieldType.INTEGER, false, "0", "Advanced",
                        "0 waits for as long as a statement runs."),
                ConfigField.of(STATEMENT_TIMEOUT, "Statement timeout (s)", FieldType.INTEGER, false, null, "Advanced",
                        "The server stops statements that run longer; empty for none."),
                ConfigField.text(SEARCH_PATH, "Search path", false, null, "Advanced", "e.g. sales, public"),
                ConfigField.text(EXTRA_PROPERTIES, "Extra JDBC properties", false, null, "Advanced",
                        "name=value pairs separated by ';', for the rare case."));
    }

    @Override
    public SqlDialect dialect() {
        return DIALECT;
    }

    @Override
    public BaseDBConnector create(ConnectionParameters parameters) {
        return new PostgresConnector(parameters);
    }

    /**
     * Runs pgjdbc as far as it goes without a server: the driver, its properties and connection factory
     * up to the socket, against a loopback port that nobody listens on (so the connection is refused at
     * once), plus the JNDI reference of its data source, which needs the java.naming module.
     */
    @Override
    public String selfCheck(Path scratch) {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConnectionParameters parameters = new ConnectionParameters(Map.of(HOST, "127.0.0.1", PORT, String.valueOf(port),
                DATABASE, "postgres", USER, "sextant", SSL_MODE, "prefer", CONNECT_TIMEOUT, "5"),
                Map.of(PASSWORD, "not-a-real-password"), true);
        try (BaseDBConnector connector = create(parameters)) {
            connector.connect();
            throw new ConnectorException(ErrorKind.INTERNAL, "pgjdbc connected to a port nobody listens on.");
        } catch (ConnectorException e) {
            if (e.kind() != ErrorKind.NETWORK) {
                throw e;
            }
        }
        try {
            new PGSimpleDataSource().getReference();
        } catch (NamingException e) {
            throw new ConnectorException(ErrorKind.INTERNAL, "pgjdbc's data source has no JNDI reference: " + e.getMessage(), e);
        }
        return "ran the driver up to a refused loopback connection";
    }
}
