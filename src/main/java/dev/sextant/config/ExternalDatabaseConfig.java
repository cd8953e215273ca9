package dev.sextant.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved connection: which connector, its parameters, and references to its secrets (never the
 * secrets themselves). Immutable; edits make a new instance with {@code with...} methods.
 *
 * @param secretRefs field name to a secret reference such as {@code keychain:ID} or {@code env:NAME}
 */
public record ExternalDatabaseConfig(String id, String name, String type, Map<String, String> parameters,
                                     Map<String, String> secretRefs, ConnectionKind kind, boolean readOnly) {

    public ExternalDatabaseConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        secretRefs = Collections.unmodifiableMap(new LinkedHashMap<>(secretRefs));
    }

    /** A new config with a fresh id. */
    public static ExternalDatabaseConfig create(String name, String type, Map<String, String> parameters,
                                                ConnectionKind kind) {
        return new ExternalDatabaseConfig(UUID.randomUUID().toString(), name, type, parameters, Map.of(), kind, false);
    }

    public ExternalDatabaseConfig withName(String newName) {
        return new ExternalDatabaseConfig(id, newName, type, parameters, secretRefs, kind, readOnly);
    }

    public ExternalDatabaseConfig withReadOnly(boolean value) {
        return new ExternalDatabaseConfig(id, name, type, parameters, secretRefs, kind, value);
    }

    /**
     * The config as a plain map (for export, the CLI and MCP). Holds secret references only, so it is
     * safe to print.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("name", name);
        map.put("type", type);
        map.put("parameters", parameters);
        map.put("secretRefs", secretRefs);
        map.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        map.put("readOnly", readOnly);
        return map;
    }

    @Override
    public String toString() {
        return "ExternalDatabaseConfig" + asMap();
    }
}
