package dev.sextant.connector.bigquery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.gax.retrying.RetrySettings;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Registers the Google BigQuery connector (see META-INF/services). */
public final class BigQueryConnectorProvider implements ConnectorProvider {

    public static final String TYPE = "bigquery";
    static final String PROJECT = "projectId";
    static final String BILLING_PROJECT = "billingProject";
    static final String DEFAULT_DATASET = "defaultDataset";
    static final String LOCATION = "location";
    static final String MAX_BYTES_BILLED = "maximumBytesBilled";
    static final String JOB_TIMEOUT = "jobTimeout";
    static final String LABELS = "labels";
    static final String ENDPOINT = "endpoint";
    static final String AUTHENTICATION = "authentication";
    static final String KEY_FILE = "keyFile";
    static final String KEY_JSON = "serviceAccountKey";
    static final String IMPERSONATE = "impersonateServiceAccount";

    /** Application Default Credentials: what {@code gcloud auth application-default login} sets up. */
    static final String AUTH_ADC = "application-default";
    /** A service-account key whose JSON is kept in the secret store. */
    static final String AUTH_KEY = "service-account-key";
    /** A service-account key file on disk. */
    static final String AUTH_KEY_FILE = "service-account-key-file";
    static final List<String> AUTH_METHODS = List.of(AUTH_ADC, AUTH_KEY, AUTH_KEY_FILE);

    static final SqlDialect DIALECT = new BigQueryDialect();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String displayName() {
        return "Google BigQuery";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                ConfigField.text(PROJECT, "Project", true, null, "Main",
                        "The project whose datasets are shown and that unqualified table names belong to."),
                ConfigField.text(BILLING_PROJECT, "Billing project", false, null, "Main",
                        "Where query jobs run and are billed; empty for the project above."),
                ConfigField.text(DEFAULT_DATASET, "Default dataset", false, null, "Main",
                        "Tables named without a dataset are looked up here."),
                ConfigField.text(LOCATION, "Location", false, null, "Main",
                        "Where jobs run, e.g. US, EU or europe-west3; empty lets BigQuery pick it from the tables."),
                ConfigField.choice(AUTHENTICATION, "Authentication", AUTH_METHODS, AUTH_ADC, "Authentication",
                        "application-default uses gcloud's login or GOOGLE_APPLICATION_CREDENTIALS; the other two a service-account key."),
                ConfigField.secret(KEY_JSON, "Service-account key (JSON)", true, "Authentication",
                        "The key file's content, kept in the system keychain, the session or an environment variable.")
                        .shownWhen(AUTHENTICATION, AUTH_KEY),
                ConfigField.of(KEY_FILE, "Service-account key file", FieldType.FILE, true, null, "Authentication",
                        "A key file on this machine; Sextant reads it at each connect.")
                        .shownWhen(AUTHENTICATION, AUTH_KEY_FILE),
                ConfigField.text(IMPERSONATE, "Impersonate service account", false, null, "Authentication",
                        "e.g. reader@project.iam.gserviceaccount.com; the credential above needs the Token Creator role on it."),
                ConfigField.text(MAX_BYTES_BILLED, "Maximum bytes billed", false, null, "Cost",
                        "Every query that would bill more fails without cost, e.g. 10 GB; empty for no cap."),
                ConfigField.of(JOB_TIMEOUT, "Job timeout (s)", FieldType.INTEGER, false, null, "Advanced",
                        "BigQuery stops jobs that run longer; empty for none."),
                ConfigField.text(LABELS, "Labels", false, null, "Advanced",
                        "key=value pairs separated by commas, set on every job (for cost reports)."),
                ConfigField.text(ENDPOINT, "Endpoint override", false, null, "Advanced",
                        "The BigQuery API's root URL for private endpoints, e.g. https://bigquery-myendpoint.p.googleapis.com."));
    }

    @Override
    public SqlDialect dialect() {
        return DIALECT;
    }

    @Override
    public BaseDBConnector create(ConnectionParameters parameters) {
        return new BigQueryConnector(parameters, BigQueryRuntime.production());
    }

    /**
     * Runs the client as far as it goes without a network: a throwaway service-account key (a fresh RSA
     * key) signs a token request to a loopback port nobody listens on, through the client's HTTP transport,
     * with one attempt. A runtime short of a module (crypto, networking, XML) fails here with the class it
     * lacks.
     */
    @Override
    public String selfCheck(Path scratch) {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String loopback = "http://127.0.0.1:" + port;
        ConnectionParameters parameters = new ConnectionParameters(Map.of(PROJECT, "sextant-self-check",
                ENDPOINT, loopback, AUTHENTICATION, AUTH_KEY), Map.of(KEY_JSON, throwawayKey(loopback + "/token")), true);
        RetrySettings once = RetrySettings.newBuilder().setMaxAttempts(1)
                .setTotalTimeoutDuration(Duration.ofSeconds(10)).setInitialRpcTimeoutDuration(Duration.ofSeconds(10))
                .setMaxRpcTimeoutDuration(Duration.ofSeconds(10)).setRpcTimeoutMultiplier(1.0).build();
        BigQueryRuntime offline = new BigQueryRuntime(Map.of("NO_GCE_CHECK", "true"), scratch, once, Duration.ofSeconds(2), null);
        try (BaseDBConnector connector = new BigQueryConnector(parameters, offline)) {
            connector.connect();
            connector.listSchemas(false);
            throw new ConnectorException(ErrorKind.INTERNAL, "The BigQuery client reached a port nobody listens on.");
        } catch (ConnectorException e) {
            if (e.kind() != ErrorKind.NETWORK && e.kind() != ErrorKind.AUTHENTICATION) {
                throw e;
            }
        }
        return "signed a token request with a throwaway key; ran the client up to a refused loopback connection";
    }

    /** A service-account key file's JSON with a new RSA key of its own, for the self-check only. */
    private static String throwawayKey(String tokenUri) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Map<String, String> key = new LinkedHashMap<>();
            key.put("type", "service_account");
            key.put("project_id", "sextant-self-check");
            key.put("private_key_id", "self-check");
            key.put("private_key", pem);
            key.put("client_email", "self-check@sextant-self-check.iam.gserviceaccount.com");
            key.put("client_id", "0");
            key.put("token_uri", tokenUri);
            return new ObjectMapper().writeValueAsString(key);
        } catch (GeneralSecurityException | IOException e) {
            throw new ConnectorException(ErrorKind.INTERNAL, "Could not make a throwaway RSA key: " + e.getMessage(), e);
        }
    }

    /** BigQuery's GoogleSQL quotes names with backticks; names are case-sensitive for tables, not columns. */
    private static final class BigQueryDialect extends SqlDialect {
        private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        private static final java.util.Set<String> RESERVED = java.util.Set.of("ALL", "AND", "ANY", "ARRAY", "AS",
                "ASC", "ASSERT_ROWS_MODIFIED", "AT", "BETWEEN", "BY", "CASE", "CAST", "COLLATE", "CONTAINS", "CREATE",
                "CROSS", "CUBE", "CURRENT", "DEFAULT", "DEFINE", "DESC", "DISTINCT", "ELSE", "END", "ENUM", "ESCAPE",
                "EXCEPT", "EXCLUDE", "EXISTS", "EXTRACT", "FALSE", "FETCH", "FOLLOWING", "FOR", "FROM", "FULL", "GROUP",
                "GROUPING", "GROUPS", "HASH", "HAVING", "IF", "IGNORE", "IN", "INNER", "INTERSECT", "INTERVAL", "INTO",
                "IS", "JOIN", "LATERAL", "LEFT", "LIKE", "LIMIT", "LOOKUP", "MERGE", "NATURAL", "NEW", "NO", "NOT",
                "NULL", "NULLS", "OF", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION", "PRECEDING", "PROTO",
                "QUALIFY", "RANGE", "RECURSIVE", "RESPECT", "RIGHT", "ROLLUP", "ROWS", "SELECT", "SET", "SOME",
                "STRUCT", "TABLESAMPLE", "THEN", "TO", "TREAT", "TRUE", "UNBOUNDED", "UNION", "UNNEST", "USING",
                "WHEN", "WHERE", "WINDOW", "WITH", "WITHIN");

        @Override
        public String name() {
            return "BigQuery";
        }

        @Override
        public String quoteIdentifier(String name) {
            boolean bare = PLAIN.matcher(name).matches() && !RESERVED.contains(name.toUpperCase(java.util.Locale.ROOT));
            return bare ? name : '`' + name.replace("\\", "\\\\").replace("`", "\\`") + '`';
        }
    }
}
