package dev.sextant.connector;

import java.util.List;

/**
 * Registers one database type with Sextant. Implementations are listed in
 * {@code META-INF/services/dev.sextant.connector.ConnectorProvider} and found by {@link ConnectorRegistry};
 * nothing else in the application names a concrete connector.
 */
public interface ConnectorProvider {

    /** The stable key stored in configs, e.g. {@code "h2"}. */
    String type();

    /** What the user sees, e.g. "H2 Database". */
    String displayName();

    /** The fields a config of this type needs, in form order. */
    List<ConfigField> fields();

    /** How this database quotes names. */
    SqlDialect dialect();

    /** Builds a connector; it does not connect yet. */
    BaseDBConnector create(ConnectionParameters parameters);
}
