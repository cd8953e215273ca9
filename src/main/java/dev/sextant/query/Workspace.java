package dev.sextant.query;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
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

    /** A new, unconnected connector for the config, with its secrets resolved. */
    public BaseDBConnector newConnector(ExternalDatabaseConfig config) {
        Map<String, String> resolved = new LinkedHashMap<>();
        config.secretRefs().forEach((field, ref) -> resolved.put(field, resolveSecret(config, field, ref)));
        return registry.create(config.type(), new ConnectionParameters(config.parameters(), resolved, config.readOnly()));
    }

    private String resolveSecret(ExternalDatabaseConfig config, String field, String ref) {
        String subject = "The secret for '" + field + "' of connection '" + config.name() + "'";
        try {
            return secrets.resolve(ref).orElseThrow(() -> new ConnectorException(ErrorKind.AUTHENTICATION,
                    subject + " is not available (" + describe(ref) + "). Enter it again in the connection's settings."));
        } catch (KeychainUnavailableException e) {
            throw new ConnectorException(ErrorKind.AUTHENTICATION, subject + " is in the system keychain, which cannot be "
                    + "used now: " + e.getMessage(), e);
        }
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

    /** The whole schema model of the connection, for autocomplete; through its shared metadata connection. */
    public dev.sextant.schema.DatabaseSchema scanDbSchema(ExternalDatabaseConfig config) {
        BaseDBConnector c = metadataConnector(config);
        synchronized (c) {
            return c.scanDbSchema();
        }
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
