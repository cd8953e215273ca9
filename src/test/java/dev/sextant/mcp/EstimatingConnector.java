package dev.sextant.mcp;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConfigField;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorProvider;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.FieldType;
import dev.sextant.connector.QueryEstimate;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.SqlDialect;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A connector for tests of the estimate rules: it runs everything on a real in-memory H2 database, and
 * answers {@link #estimate} the way a database with dry runs (BigQuery) does, with the statement's type
 * and the bytes and cap its settings give. Registered only in the tests' own registry.
 */
final class EstimatingConnector extends BaseDBConnector {

    static final String TYPE = "estimating";
    private final BaseDBConnector h2;

    EstimatingConnector(ConnectionParameters parameters) {
        super(parameters);
        this.h2 = ConnectorRegistry.loadInstalled().create("h2", new ConnectionParameters(
                Map.of("path", parameters.required("path", "Database")), Map.of(), parameters.readOnly()));
    }

    @Override
    public Optional<QueryEstimate> estimate(String sql, List<?> params) {
        String type = sql.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
        long bytes = Long.parseLong(parameters().value("bytes").orElse("0"));
        long cap = Long.parseLong(parameters().value("bytesCap").orElse("-1"));
        return Optional.of(new QueryEstimate(type, type.equals("SELECT") || type.equals("WITH"), bytes, cap));
    }

    @Override
    public void connect() {
        h2.connect();
    }

    @Override
    public void disconnect() {
        h2.disconnect();
    }

    @Override
    public boolean isConnected() {
        return h2.isConnected();
    }

    @Override
    public SqlDialect dialect() {
        return h2.dialect();
    }

    @Override
    public ResultCursor openCursor(String sql, List<?> params, int fetchSize) {
        return h2.openCursor(sql, params, fetchSize);
    }

    @Override
    public void cancel() {
        h2.cancel();
    }

    @Override
    public ConnectionTestReport testConnection() {
        return h2.testConnection();
    }

    @Override
    public List<SchemaRef> listSchemas(boolean includeSystem) {
        return h2.listSchemas(includeSystem);
    }

    @Override
    public Schema scanSchema(SchemaRef schema) {
        return h2.scanSchema(schema);
    }

    @Override
    protected String[] productNameAndVersion() {
        return new String[] {"H2 with estimates", "test"};
    }

    /** Its provider, for a test registry. */
    static final class Provider implements ConnectorProvider {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String displayName() {
            return "H2 with estimates (tests)";
        }

        @Override
        public List<ConfigField> fields() {
            return List.of(ConfigField.text("path", "Database", true, null, "Main", ""),
                    ConfigField.of("bytes", "Bytes per statement", FieldType.INTEGER, false, "0", "Main", ""),
                    ConfigField.of("bytesCap", "Bytes cap", FieldType.INTEGER, false, null, "Main", "empty: no cap"));
        }

        @Override
        public SqlDialect dialect() {
            return ConnectorRegistry.loadInstalled().provider("h2").dialect();
        }

        @Override
        public BaseDBConnector create(ConnectionParameters parameters) {
            return new EstimatingConnector(parameters);
        }
    }
}
