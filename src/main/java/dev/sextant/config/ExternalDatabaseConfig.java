package dev.sextant.config;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved connection: which connector, its parameters, and references to its secrets (never the
 * secrets themselves). Immutable; edits make a new instance with {@code with...} methods.
 *
 * @param secretRefs field name to a secret reference such as {@code keychain:ID} or {@code env:NAME}
 * @param folder     the folder it is listed in; empty for the top level
 * @param color      an optional {@code #rrggbb} colour that marks the connection, or null
 * @param createdAt  when it was first saved, or null before that
 * @param updatedAt  when it was last saved, or null before the first save
 * @param mcp        what MCP clients may do with it; {@link McpAccess#NONE} unless the user allowed more
 */
public record ExternalDatabaseConfig(String id, String name, String type, Map<String, String> parameters,
                                     Map<String, String> secretRefs, ConnectionKind kind, boolean readOnly,
                                     String folder, String color, Instant createdAt, Instant updatedAt,
                                     McpAccess mcp) {

    public ExternalDatabaseConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        secretRefs = Collections.unmodifiableMap(new LinkedHashMap<>(secretRefs));
        folder = folder == null ? "" : folder.strip();
        color = color == null || color.isBlank() ? null : color.strip();
        mcp = mcp == null ? McpAccess.NONE : mcp;
    }

    /** A config that MCP clients cannot see. */
    public ExternalDatabaseConfig(String id, String name, String type, Map<String, String> parameters,
                                  Map<String, String> secretRefs, ConnectionKind kind, boolean readOnly,
                                  String folder, String color, Instant createdAt, Instant updatedAt) {
        this(id, name, type, parameters, secretRefs, kind, readOnly, folder, color, createdAt, updatedAt, McpAccess.NONE);
    }

    /** A config not saved yet, at the top level, without colour. */
    public ExternalDatabaseConfig(String id, String name, String type, Map<String, String> parameters,
                                  Map<String, String> secretRefs, ConnectionKind kind, boolean readOnly) {
        this(id, name, type, parameters, secretRefs, kind, readOnly, "", null, null, null, McpAccess.NONE);
    }

    /** A new config with a fresh id. */
    public static ExternalDatabaseConfig create(String name, String type, Map<String, String> parameters,
                                                ConnectionKind kind) {
        return new ExternalDatabaseConfig(UUID.randomUUID().toString(), name, type, parameters, Map.of(), kind, false);
    }

    public ExternalDatabaseConfig withName(String newName) {
        return new ExternalDatabaseConfig(id, newName, type, parameters, secretRefs, kind, readOnly, folder, color,
                createdAt, updatedAt, mcp);
    }

    public ExternalDatabaseConfig withId(String newId) {
        return new ExternalDatabaseConfig(newId, name, type, parameters, secretRefs, kind, readOnly, folder, color,
                null, null, mcp);
    }

    public ExternalDatabaseConfig withReadOnly(boolean value) {
        return new ExternalDatabaseConfig(id, name, type, parameters, secretRefs, kind, value, folder, color,
                createdAt, updatedAt, mcp);
    }

    public ExternalDatabaseConfig withFolder(String newFolder) {
        return new ExternalDatabaseConfig(id, name, type, parameters, secretRefs, kind, readOnly, newFolder, color,
                createdAt, updatedAt, mcp);
    }

    public ExternalDatabaseConfig withParameters(Map<String, String> newParameters) {
        return new ExternalDatabaseConfig(id, name, type, newParameters, secretRefs, kind, readOnly, folder, color,
                createdAt, updatedAt, mcp);
    }

    public ExternalDatabaseConfig withSecretRefs(Map<String, String> refs) {
        return new ExternalDatabaseConfig(id, name, type, parameters, refs, kind, readOnly, folder, color,
                createdAt, updatedAt, mcp);
    }

    public ExternalDatabaseConfig withTimes(Instant created, Instant updated) {
        return new ExternalDatabaseConfig(id, name, type, parameters, secretRefs, kind, readOnly, folder, color,
                created, updated, mcp);
    }

    public ExternalDatabaseConfig withMcp(McpAccess access) {
        return new ExternalDatabaseConfig(id, name, type, parameters, secretRefs, kind, readOnly, folder, color,
                createdAt, updatedAt, access);
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
        map.put("folder", folder);
        map.put("parameters", parameters);
        map.put("secretRefs", secretRefs);
        map.put("kind", kind.name().toLowerCase(Locale.ROOT));
        map.put("readOnly", readOnly);
        map.put("color", color);
        map.put("mcp", Map.of("available", mcp.available(), "mayWrite", mcp.mayWrite()));
        map.put("createdAt", createdAt == null ? null : createdAt.toString());
        map.put("updatedAt", updatedAt == null ? null : updatedAt.toString());
        return map;
    }

    @Override
    public String toString() {
        return "ExternalDatabaseConfig" + asMap();
    }
}
