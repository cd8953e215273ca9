package dev.sextant.config;

import dev.sextant.store.LocalStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Saved connection configs in the local store. Every write runs in one transaction and is validated
 * against the connector's fields first; names are unique within a folder. Secret references are
 * stored, secret values never are. All methods do I/O: call them off the JavaFX thread.
 */
public final class ConfigRepository {

    private static final String SELECT = "SELECT ID, NAME, CONNECTOR_TYPE, FOLDER, KIND, READ_ONLY, COLOR, CREATED_AT, "
            + "UPDATED_AT, MCP_AVAILABLE, MCP_WRITE FROM CONNECTION_CONFIG";

    private final LocalStore store;
    private final ConfigValidator validator;

    public ConfigRepository(LocalStore store, ConfigValidator validator) {
        this.store = store;
        this.validator = validator;
    }

    /** Work inside one transaction: committed when it returns, rolled back when it throws. */
    @FunctionalInterface
    interface Transaction<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T inTransaction(Transaction<T> work) {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The local store could not be read or written: " + e.getMessage(), e);
        }
    }

    /** Every config, by folder and then name. */
    public List<ExternalDatabaseConfig> list() {
        return inTransaction(c -> query(c, SELECT + " ORDER BY FOLDER, LOWER(NAME)"));
    }

    public List<ExternalDatabaseConfig> listByFolder(String folder) {
        return inTransaction(c -> query(c, SELECT + " WHERE FOLDER = ? ORDER BY LOWER(NAME)", folder == null ? "" : folder.strip()));
    }

    /** The folders that hold at least one config, sorted; the top level is the empty string. */
    public List<String> folders() {
        return inTransaction(c -> {
            List<String> folders = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT FOLDER FROM CONNECTION_CONFIG ORDER BY FOLDER");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    folders.add(rs.getString(1));
                }
            }
            return folders;
        });
    }

    public Optional<ExternalDatabaseConfig> find(String id) {
        return inTransaction(c -> query(c, SELECT + " WHERE ID = ?", id).stream().findFirst());
    }

    /** The config with this name, looked up in every folder (the top level first). */
    public Optional<ExternalDatabaseConfig> findByName(String name) {
        return inTransaction(c -> query(c, SELECT + " WHERE NAME = ? ORDER BY FOLDER", name).stream().findFirst());
    }

    /** Saves a new config; its created and updated times are set now. */
    public ExternalDatabaseConfig create(ExternalDatabaseConfig config) {
        validator.validate(config);
        return inTransaction(c -> insert(c, config, now()));
    }

    /** Replaces a saved config's fields, keeping its id and creation time. */
    public ExternalDatabaseConfig update(ExternalDatabaseConfig config) {
        validator.validate(config);
        return inTransaction(c -> {
            ExternalDatabaseConfig old = query(c, SELECT + " WHERE ID = ?", config.id()).stream().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Connection '" + config.name() + "' no longer exists."));
            return replace(c, config.withTimes(old.createdAt(), null), old.createdAt());
        });
    }

    public ExternalDatabaseConfig rename(String id, String newName) {
        ExternalDatabaseConfig config = find(id).orElseThrow(() -> new IllegalArgumentException("That connection no longer exists."));
        return update(config.withName(newName));
    }

    public ExternalDatabaseConfig moveToFolder(String id, String folder) {
        ExternalDatabaseConfig config = find(id).orElseThrow(() -> new IllegalArgumentException("That connection no longer exists."));
        return update(config.withFolder(folder));
    }

    /**
     * Moves every config of folder {@code from} into folder {@code to} (a rename when {@code to} is new, a
     * merge when it exists), in one transaction: if any name is already taken in {@code to}, nothing moves
     * and the message names the clash.
     *
     * @return how many configs moved
     */
    public int renameFolder(String from, String to) {
        String source = from == null ? "" : from.strip();
        String target = to == null ? "" : to.strip();
        if (target.length() > ConfigValidator.MAX_NAME) {
            throw new InvalidConfigException("The folder was not renamed", List.of(new FieldProblem("folder",
                    "'Folder' must be at most " + ConfigValidator.MAX_NAME + " characters.")));
        }
        if (source.equals(target)) {
            return 0;
        }
        return inTransaction(c -> {
            List<ExternalDatabaseConfig> moving = query(c, SELECT + " WHERE FOLDER = ? ORDER BY LOWER(NAME)", source);
            for (ExternalDatabaseConfig config : moving) {
                if (nameTaken(c, target, config.name(), config.id())) {
                    throw new InvalidConfigException("The folder was not renamed", List.of(new FieldProblem("folder",
                            "The folder '" + target + "' already has a connection named '" + config.name() + "'.")));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE CONNECTION_CONFIG SET FOLDER = ?, UPDATED_AT = ? WHERE FOLDER = ?")) {
                ps.setString(1, target);
                ps.setObject(2, OffsetDateTime.ofInstant(now(), ZoneOffset.UTC));
                ps.setString(3, source);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * A copy under a free name ("Sales (copy)", "Sales (copy 2)", …) in the same folder. Secret references
     * are given by the caller, because a keychain entry must not be shared by two configs.
     */
    public ExternalDatabaseConfig duplicate(String id, Map<String, String> secretRefsForCopy) {
        return inTransaction(c -> {
            ExternalDatabaseConfig original = query(c, SELECT + " WHERE ID = ?", id).stream().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("That connection no longer exists."));
            String name = original.name() + " (copy)";
            for (int n = 2; nameTaken(c, original.folder(), name, null); n++) {
                name = original.name() + " (copy " + n + ")";
            }
            ExternalDatabaseConfig copy = original.withId(UUID.randomUUID().toString()).withName(name)
                    .withSecretRefs(secretRefsForCopy);
            validator.validate(copy);
            return insert(c, copy, now());
        });
    }

    /** Deletes a config; returns what was deleted, so the caller can remove its keychain entries. */
    public Optional<ExternalDatabaseConfig> delete(String id) {
        return inTransaction(c -> {
            Optional<ExternalDatabaseConfig> old = query(c, SELECT + " WHERE ID = ?", id).stream().findFirst();
            delete(c, id);
            return old;
        });
    }

    /**
     * Adds and replaces several configs at once: all are validated first, then written in one
     * transaction, so either every one is saved or none is.
     */
    public List<ExternalDatabaseConfig> saveAll(List<ExternalDatabaseConfig> configs) {
        configs.forEach(validator::validate);
        return inTransaction(c -> {
            List<ExternalDatabaseConfig> saved = new ArrayList<>();
            Instant now = now();
            for (ExternalDatabaseConfig config : configs) {
                Optional<ExternalDatabaseConfig> old = query(c, SELECT + " WHERE ID = ?", config.id()).stream().findFirst();
                saved.add(old.isPresent() ? replace(c, config, old.get().createdAt()) : insert(c, config, now));
            }
            return saved;
        });
    }

    private ExternalDatabaseConfig insert(Connection c, ExternalDatabaseConfig config, Instant created) throws SQLException {
        checkNameFree(c, config, config.id());
        Instant now = now();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CONNECTION_CONFIG (NAME, CONNECTOR_TYPE, FOLDER, KIND, "
                + "READ_ONLY, COLOR, CREATED_AT, UPDATED_AT, MCP_AVAILABLE, MCP_WRITE, ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindRow(ps, config, created, now);
            ps.executeUpdate();
        }
        insertChildren(c, config);
        return config.withName(config.name().strip()).withTimes(created, now);
    }

    /**
     * Writes a saved config's new fields over its row, in place: rows elsewhere that refer to the config
     * (its schema cache, its query history) keep referring to it.
     */
    private ExternalDatabaseConfig replace(Connection c, ExternalDatabaseConfig config, Instant created) throws SQLException {
        checkNameFree(c, config, config.id());
        Instant now = now();
        try (PreparedStatement ps = c.prepareStatement("UPDATE CONNECTION_CONFIG SET NAME = ?, CONNECTOR_TYPE = ?, FOLDER = ?, "
                + "KIND = ?, READ_ONLY = ?, COLOR = ?, CREATED_AT = ?, UPDATED_AT = ?, MCP_AVAILABLE = ?, MCP_WRITE = ? "
                + "WHERE ID = ?")) {
            bindRow(ps, config, created, now);
            ps.executeUpdate();
        }
        for (String table : List.of("CONNECTION_PARAMETER", "CONNECTION_SECRET_REF")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE CONFIG_ID = ?")) {
                ps.setString(1, config.id());
                ps.executeUpdate();
            }
        }
        insertChildren(c, config);
        return config.withName(config.name().strip()).withTimes(created, now);
    }

    private static void bindRow(PreparedStatement ps, ExternalDatabaseConfig config, Instant created, Instant now) throws SQLException {
        ps.setString(1, config.name().strip());
        ps.setString(2, config.type());
        ps.setString(3, config.folder());
        ps.setString(4, config.kind().name());
        ps.setBoolean(5, config.readOnly());
        ps.setString(6, config.color());
        ps.setObject(7, OffsetDateTime.ofInstant(created, ZoneOffset.UTC));
        ps.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        ps.setBoolean(9, config.mcp().available());
        ps.setBoolean(10, config.mcp().mayWrite());
        ps.setString(11, config.id());
    }

    private static void insertChildren(Connection c, ExternalDatabaseConfig config) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO CONNECTION_PARAMETER (CONFIG_ID, NAME, POSITION, PARAM_VALUE) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (Map.Entry<String, String> e : config.parameters().entrySet()) {
                ps.setString(1, config.id());
                ps.setString(2, e.getKey());
                ps.setInt(3, position++);
                ps.setString(4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO CONNECTION_SECRET_REF (CONFIG_ID, FIELD, REFERENCE) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> e : config.secretRefs().entrySet()) {
                ps.setString(1, config.id());
                ps.setString(2, e.getKey());
                ps.setString(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void checkNameFree(Connection c, ExternalDatabaseConfig config, String ownId) throws SQLException {
        if (nameTaken(c, config.folder(), config.name().strip(), ownId)) {
            String where = config.folder().isEmpty() ? "at the top level" : "in the folder '" + config.folder() + "'";
            throw new InvalidConfigException("Connection '" + config.name() + "' was not saved",
                    List.of(new FieldProblem("name", "There is already a connection named '" + config.name().strip()
                            + "' " + where + ".")));
        }
    }

    private static boolean nameTaken(Connection c, String folder, String name, String exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM CONNECTION_CONFIG WHERE FOLDER = ? AND NAME = ? AND ID <> ?")) {
            ps.setString(1, folder);
            ps.setString(2, name);
            ps.setString(3, exceptId == null ? "" : exceptId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM CONNECTION_CONFIG WHERE ID = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    /** The store keeps microseconds; so do the times handed back to callers. */
    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static List<ExternalDatabaseConfig> query(Connection c, String sql, String... args) throws SQLException {
        List<ExternalDatabaseConfig> configs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    configs.add(new ExternalDatabaseConfig(id, rs.getString(2), rs.getString(3),
                            children(c, "SELECT NAME, PARAM_VALUE FROM CONNECTION_PARAMETER WHERE CONFIG_ID = ? ORDER BY POSITION", id),
                            children(c, "SELECT FIELD, REFERENCE FROM CONNECTION_SECRET_REF WHERE CONFIG_ID = ? ORDER BY FIELD", id),
                            ConnectionKind.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getString(4), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getObject(9, OffsetDateTime.class).toInstant(),
                            new McpAccess(rs.getBoolean(10), rs.getBoolean(11))));
                }
            }
        }
        return configs;
    }

    private static Map<String, String> children(Connection c, String sql, String id) throws SQLException {
        Map<String, String> map = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    map.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return map;
    }
}
