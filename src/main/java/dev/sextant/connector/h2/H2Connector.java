package dev.sextant.connector.h2;

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
import dev.sextant.connector.jdbc.JdbcValues;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2 databases in a file or in memory; also Sextant's built-in sample. Results are read lazily
 * (H2's LAZY_QUERY_EXECUTION), so the first page of a large result does not wait for the rest.
 */
public final class H2Connector extends JdbcConnector {

    private static final Logger LOG = LoggerFactory.getLogger(H2Connector.class);
    static final String MEMORY_PREFIX = "mem:";

    private final H2Errors errors = new H2Errors();
    private final JdbcValues values = new JdbcValues();

    H2Connector(ConnectionParameters parameters) {
        super(parameters);
    }

    @Override
    public SqlDialect dialect() {
        return H2ConnectorProvider.DIALECT;
    }

    @Override
    protected SqlErrorTranslator errors() {
        return errors;
    }

    @Override
    protected Connection open() {
        String url = url();
        Properties props = new Properties();
        props.setProperty("user", parameters().value(H2ConnectorProvider.USER).orElse("sa"));
        props.setProperty("password", parameters().secret(H2ConnectorProvider.PASSWORD).orElse(""));
        try {
            Connection c = new org.h2.Driver().connect(url, props);
            try (Statement s = c.createStatement()) {
                s.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            LOG.debug("Connected to H2 at {}", location());
            return c;
        } catch (SQLException e) {
            throw errors.translate(e, null);
        }
    }

    /** The JDBC URL: never holds a secret (user and password go in properties). */
    String url() {
        String location = location();
        if (location.startsWith(MEMORY_PREFIX)) {
            return "jdbc:h2:" + location + ";DB_CLOSE_DELAY=-1;TRACE_LEVEL_FILE=0";
        }
        if (location.contains(";")) {
            throw new ConnectorException(ErrorKind.INTERNAL,
                    "'Database file' must be a file path without ';' (got '" + location + "').");
        }
        boolean create = Boolean.parseBoolean(parameters().value(H2ConnectorProvider.CREATE).orElse("false"));
        Path file = Path.of(location + ".mv.db");
        if (!create && !Files.exists(file)) {
            throw new ConnectorException(ErrorKind.NOT_FOUND, "There is no H2 database at '" + file
                    + "'. Check the 'Database file' setting, or allow creating a new database.");
        }
        StringBuilder url = new StringBuilder("jdbc:h2:file:").append(Path.of(location).toAbsolutePath())
                .append(";TRACE_LEVEL_FILE=0");
        if (parameters().readOnly()) {
            url.append(";ACCESS_MODE_DATA=r");
        }
        return url.toString();
    }

    /** The configured path without H2's {@code .mv.db} suffix, or {@code mem:NAME}. */
    private String location() {
        String path = parameters().required(H2ConnectorProvider.PATH, "Database file");
        return path.endsWith(".mv.db") ? path.substring(0, path.length() - ".mv.db".length()) : path;
    }

    @Override
    public ResultCursor openCursor(String sql, List<?> params, int fetchSize) {
        if (sql == null || sql.isBlank()) {
            throw new ConnectorException(ErrorKind.SYNTAX, "There is no statement to run.");
        }
        PreparedStatement ps = null;
        try {
            ps = connection().prepareStatement(sql);
            ps.setFetchSize(fetchSize);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            running.add(ps);
            boolean hasRows = ps.execute();
            ResultSet rs = hasRows ? ps.getResultSet() : null;
            long updates = hasRows ? -1 : ps.getLargeUpdateCount();
            PreparedStatement owned = ps;
            return new JdbcCursor(ps, rs, updates, values, errors, sql, () -> running.remove(owned));
        } catch (SQLException e) {
            if (ps != null) {
                running.remove(ps);
                closeQuietly(ps);
            }
            throw errors.translate(e, sql);
        }
    }

    @Override
    public ConnectionTestReport testConnection() {
        List<TestStage> stages = new ArrayList<>();
        Map<String, String> summary = new LinkedHashMap<>();
        long start = System.nanoTime();
        Connection c;
        try {
            c = open();
            stages.add(new TestStage("Open database", true, since(start), location()));
        } catch (ConnectorException e) {
            stages.add(new TestStage("Open database", false, since(start), e.getMessage()));
            return new ConnectionTestReport(stages, summary);
        }
        try (c; Statement s = c.createStatement()) {
            long q = System.nanoTime();
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
            }
            Duration latency = since(q);
            stages.add(new TestStage("Run a query", true, latency, "SELECT 1 answered"));
            long d = System.nanoTime();
            try (ResultSet rs = s.executeQuery("SELECT H2VERSION(), CURRENT_USER, "
                    + "(SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE')")) {
                rs.next();
                summary.put("Server version", "H2 " + rs.getString(1));
                summary.put("User", rs.getString(2));
                summary.put("Mode", rs.getString(3) == null ? "REGULAR" : rs.getString(3));
            }
            summary.put("Read-only", c.isReadOnly() || parameters().readOnly() ? "yes" : "no");
            summary.put("Latency", latency.toMillis() + " ms");
            stages.add(new TestStage("Read server details", true, since(d), summary.get("Server version")));
        } catch (SQLException e) {
            stages.add(new TestStage("Run a query", false, since(start), errors.translate(e, null).getMessage()));
        }
        return new ConnectionTestReport(stages, summary);
    }

    private static Duration since(long nanoStart) {
        return Duration.ofNanos(System.nanoTime() - nanoStart);
    }

    @Override
    public List<SchemaRef> listSchemas(boolean includeSystem) {
        return withConnection(c -> new H2SchemaScanner(c).listSchemas(includeSystem));
    }

    @Override
    public Schema scanSchema(SchemaRef schema) {
        return withConnection(c -> new H2SchemaScanner(c).scan(schema));
    }
}
