package dev.sextant.ui;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.ConfigField;
import dev.sextant.connector.ConnectorRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whether two versions of a saved connection reach the same database the same way. A rename, a move, a
 * new colour or kind does not change the target; other settings, secrets or the read-only flag do, and
 * then the connection's open schema connection and cached scans no longer apply. A setting written out
 * with its default value counts as the same as one left out.
 */
public final class ConnectionTarget {

    private ConnectionTarget() {
    }

    public static boolean changed(ConnectorRegistry registry, ExternalDatabaseConfig before, ExternalDatabaseConfig after) {
        return !Objects.equals(before.type(), after.type()) || before.readOnly() != after.readOnly()
                || !before.secretRefs().equals(after.secretRefs())
                || !withoutDefaults(registry, before).equals(withoutDefaults(registry, after));
    }

    private static Map<String, String> withoutDefaults(ConnectorRegistry registry, ExternalDatabaseConfig config) {
        Map<String, String> values = new LinkedHashMap<>(config.parameters());
        try {
            for (ConfigField field : registry.provider(config.type()).fields()) {
                if (field.defaultValue() != null && field.defaultValue().equals(values.get(field.name()))) {
                    values.remove(field.name());
                }
            }
        } catch (RuntimeException e) {
            // a type that is not installed: compare the settings as they are
        }
        return values;
    }
}
