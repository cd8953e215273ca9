package dev.sextant.connector;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector factory: every {@link ConnectorProvider} found by {@link ServiceLoader}, by type.
 * A provider that fails to load is logged and left out, so one broken connector does not take the
 * others down.
 */
public final class ConnectorRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final Iterable<ConnectorProvider> source;
    private volatile Map<String, ConnectorProvider> providers;

    /**
     * A registry of the given providers, which it takes from {@code providers} on first use: looking them up
     * with {@link ServiceLoader} reads every jar of the class path, which a start need not wait for.
     */
    public ConnectorRegistry(Iterable<ConnectorProvider> providers) {
        this.source = Objects.requireNonNull(providers);
    }

    private Map<String, ConnectorProvider> byType() {
        Map<String, ConnectorProvider> found = providers;
        if (found == null) {
            synchronized (this) {
                found = providers;
                if (found == null) {
                    found = index(source);
                    providers = found;
                }
            }
        }
        return found;
    }

    private static Map<String, ConnectorProvider> index(Iterable<ConnectorProvider> providers) {
        Map<String, ConnectorProvider> byType = new TreeMap<>();
        Iterator<ConnectorProvider> it = providers.iterator();
        while (true) {
            ConnectorProvider p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.warn("A connector could not be loaded and is left out: {}", e.getMessage());
                continue;
            }
            ConnectorProvider previous = byType.putIfAbsent(p.type(), p);
            if (previous != null) {
                LOG.warn("Two connectors claim type '{}': keeping {}, ignoring {}", p.type(),
                        previous.getClass().getName(), p.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(byType);
    }

    /** The registry of every provider on the class path. */
    public static ConnectorRegistry loadInstalled() {
        return new ConnectorRegistry(ServiceLoader.load(ConnectorProvider.class));
    }

    public List<ConnectorProvider> providers() {
        return List.copyOf(byType().values());
    }

    public List<String> types() {
        return List.copyOf(byType().keySet());
    }

    /**
     * @throws ConnectorException of kind NOT_FOUND naming the known types, when none is registered for {@code type}
     */
    public ConnectorProvider provider(String type) {
        Map<String, ConnectorProvider> providers = byType();
        ConnectorProvider p = providers.get(type);
        if (p == null) {
            throw new ConnectorException(ErrorKind.NOT_FOUND, "Unknown connection type '" + type
                    + "'. Known types: " + (providers.isEmpty() ? "(none installed)" : String.join(", ", providers.keySet())) + ".");
        }
        return p;
    }

    /** Builds a connector for the type; it does not connect yet. */
    public BaseDBConnector create(String type, ConnectionParameters parameters) {
        return provider(type).create(parameters);
    }
}
