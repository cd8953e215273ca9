package dev.sextant.query;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConfigField;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.SqlDialect;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.secret.KeychainUnavailableException;
import dev.sextant.secret.SecretReference;
import dev.sextant.secret.SecretResolver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database work of the main window: one metadata connection per config for the
 * schema tree, and a new {@link QuerySession} (with its own connection) per editor tab. Every method
 * that talks to a database blocks and belongs on a background thread.
 */
public final class Workspace implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    private final ConnectorRegistry registry;
    private final SecretResolver secrets;
    private final Path tempDir;
    private final Map<String, BaseDBConnector> metadata = new ConcurrentHashMap<>();
    private final Set<QuerySession> sessions = ConcurrentHashMap.newKeySet();

    public Workspace(ConnectorRegistry registry, SecretResolver secrets, Path tempDir) {
        this.registry = registry;
        this.secrets = secrets;
        this.tempDir = tempDir;
    }

    public ConnectorRegistry registry() {
        return registry;
    }

    public SqlDialect dialect(ExternalDatabaseConfig config) {
        return registry.provider(config.type()).dialect();
    }

    /**
     * Asked for a secret that its reference cannot give (keychain unusable, entry or variable missing),
     * e.g. by prompting on a terminal. Answers empty when it cannot ask.
     */
    @FunctionalInterface
    public interface MissingSecret {
        MissingSecret NONE = (config, label, reason) -> Optional.empty();

        /**
         * @param label  the field's label, e.g. "Password"
         * @param reason why the reference gave nothing, for the prompt
         */
        Optional<String> ask(ExternalDatabaseConfig config, String label, String reason);
    }

    /**
     * A new, unconnected connector for settings that may not be saved yet (the connection form's Test
     * button): secrets typed into the form are used as given, the others are resolved from their references.
     *
     * @param typedSecrets secret values by field name, never stored
     */
    public BaseDBConnector newConnector(ExternalDatabaseConfig config, Map<String, String> typedSecrets) {
        Map<String, String> resolved = new LinkedHashMap<>(typedSecrets);
        config.secretRefs().forEach((field, ref) -> {
            if (!resolved.containsKey(field)) {
                resolved.put(field, resolveSecret(config, field, ref, MissingSecret.NONE));
            }
        });
        return registry.create(config.type(), new ConnectionParameters(config.parameters(), resolved, config.readOnly()));
    }

    /** A new, unconnected connector for the config, with its secrets resolved. */
    public BaseDBConnector newConnector(ExternalDatabaseConfig config) {
        return newConnector(config, config.readOnly(), MissingSecret.NONE);
    }

    /**
     * A new, unconnected connector, read-only when {@code readOnly} (a read-only config stays read-only
     * whatever is asked), asking {@code missing} for secrets that their references cannot give.
     */
    public BaseDBConnector newConnector(ExternalDatabaseConfig config, boolean readOnly, MissingSecret missing) {
        Map<String, String> resolved = new LinkedHashMap<>();
        config.secretRefs().forEach((field, ref) -> resolved.put(field, resolveSecret(config, field, ref, missing)));
        return registry.create(config.type(), new ConnectionParameters(config.parameters(), resolved,
                readOnly || config.readOnly()));
    }

    private String resolveSecret(ExternalDatabaseConfig config, String field, String ref, MissingSecret missing) {
        String subject = "The secret for '" + field + "' of connection '" + config.name() + "'";
        String label = registry.provider(config.type()).fields().stream().filter(f -> f.name().equals(field))
                .map(ConfigField::label).findFirst().orElse(field);
        String reason;
        KeychainUnavailableException keychainProblem = null;
        try {
            Optional<String> value = secrets.resolve(ref);
            if (value.isPresent()) {
                return value.get();
            }
            reason = describe(ref);
        } catch (KeychainUnavailableException e) {
            keychainProblem = e;
            reason = "the system keychain cannot be used now: " + e.getMessage();
        }
        Optional<String> asked = missing.ask(config, label, reason);
        if (asked.isPresent()) {
            return asked.get();
        }
        if (keychainProblem != null) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, subject + " is in the system keychain, which cannot be "
                    + "used now: " + keychainProblem.getMessage(), keychainProblem);
        }
        throw new ConnectorException(ErrorKind.AUTHENTICATION,
                subject + " is not available (" + reason + "). Enter it again in the connection's settings.");
    }

    /** Where the secret should have been, without any part of the reference that could be sensitive. */
    private static String describe(String ref) {
        try {
            return switch (SecretReference.parse(ref).kind()) {
                case KEYCHAIN -> "no entry in the system keychain";
                case ENV -> "the environment variable " + SecretReference.parse(ref).key() + " is not set";
                case SESSION -> "it was kept for a session that has ended";
            };
        } catch (IllegalArgumentException e) {
            return "the connection holds a malformed secret reference";
        }
    }

    /** The schemas of the connection, through its shared metadata connection. */
    public List<SchemaRef> listSchemas(ExternalDatabaseConfig config, boolean includeSystem) {
        BaseDBConnector c = metadataConnector(config);
        synchronized (c) {
            return c.listSchemas(includeSystem);
        }
    }

    public Schema scanSchema(ExternalDatabaseConfig config, SchemaRef ref) {
        BaseDBConnector c = metadataConnector(config);
        synchronized (c) {
            return c.scanSchema(ref);
        }
    }

    /** Several schemas at once, in as few catalog queries as the connector can manage (a refresh, a search). */
    public List<Schema> scanSchemas(ExternalDatabaseConfig config, List<SchemaRef> refs) {
        BaseDBConnector c = metadataConnector(config);
        synchronized (c) {
            return c.scanSchemas(refs);
        }
    }

    /** Opens the metadata connection of a config (the schema tree's), if it is not open yet. */
    public void connect(ExternalDatabaseConfig config) {
        metadataConnector(config);
    }

    /** Whether the schema tree's connection to this config is open. */
    public boolean isConnected(ExternalDatabaseConfig config) {
        BaseDBConnector c = metadata.get(config.id());
        return c != null && c.isConnected();
    }

    private BaseDBConnector metadataConnector(ExternalDatabaseConfig config) {
        BaseDBConnector c = metadata.computeIfAbsent(config.id(), id -> newConnector(config));
        synchronized (c) {
            c.connect();
        }
        return c;
    }

    /** Forgets the metadata connection of a config, e.g. before a refresh after an error. */
    public void disconnect(ExternalDatabaseConfig config) {
        BaseDBConnector c = metadata.remove(config.id());
        if (c != null) {
            c.disconnect();
        }
    }

    /** A session for one editor tab; it connects on its first statement. */
    public QuerySession newSession(ExternalDatabaseConfig config) {
        QuerySession[] created = new QuerySession[1];
        created[0] = new QuerySession(() -> newConnector(config), tempDir, QuerySession.DEFAULT_ROWS_IN_MEMORY,
                () -> sessions.remove(created[0]));
        sessions.add(created[0]);
        return created[0];
    }

    /** Closes every open session and metadata connection; run when the application exits. */
    @Override
    public void close() {
        List.copyOf(sessions).forEach(QuerySession::close);
        metadata.values().forEach(c -> {
            try {
                c.disconnect();
            } catch (RuntimeException e) {
                LOG.debug("Disconnect failed: {}", e.getMessage());
            }
        });
        metadata.clear();
    }
}
