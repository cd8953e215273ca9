package dev.sextant.connector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved parameters a connector is built from: plain values from the config, secret values
 * fetched from the secret store at connect time, and the config's read-only flag. {@link #toString()}
 * never shows a secret.
 */
public final class ConnectionParameters {

    private final Map<String, String> values;
    private final Map<String, String> secrets;
    private final boolean readOnly;

    public ConnectionParameters(Map<String, String> values, Map<String, String> secrets, boolean readOnly) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        this.readOnly = readOnly;
    }

    public static ConnectionParameters of(Map<String, String> values) {
        return new ConnectionParameters(values, Map.of(), false);
    }

    public Optional<String> value(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The value, or a ConnectorException naming the field when there is none (defaults are not looked up here). */
    public String required(String name, String label) {
        return value(name).orElseThrow(() -> new ConnectorException(ErrorKind.INTERNAL,
                "The connection has no value for '" + label + "'. Edit the connection and fill it in."));
    }

    public int intValue(String name, String label, int defaultValue) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new ConnectorException(ErrorKind.INTERNAL,
                    "'" + label + "' must be a whole number, but is '" + v.get() + "'.");
        }
    }

    /** A secret value, or empty when the config has none. */
    public Optional<String> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    public boolean readOnly() {
        return readOnly;
    }

    public Map<String, String> values() {
        return values;
    }

    @Override
    public String toString() {
        Map<String, String> masked = new LinkedHashMap<>(values);
        secrets.keySet().forEach(k -> masked.put(k, "****"));
        return "ConnectionParameters" + masked + (readOnly ? " (read-only)" : "");
    }
}
