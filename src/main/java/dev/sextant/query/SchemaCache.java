package dev.sextant.query;

import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.store.LocalStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last schema scan of each connection, kept in the local store with the time it was made, so that
 * reopening Sextant shows the tree at once ("scanned 3 min ago") without asking the database. The tree
 * refreshes it when the user asks or connects. A row that cannot be read (written by another format) is
 * treated as missing. Every method does I/O: call it off the JavaFX thread.
 */
public final class SchemaCache {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaCache.class);

    /** Something read from the cache, with when it was scanned. */
    public record Entry<T>(T value, Instant scannedAt) {
    }

    private final LocalStore store;
    private final SchemaJson json = new SchemaJson();

    public SchemaCache(LocalStore store) {
        this.store = store;
    }

    /** The cached schema list of a connection (with or without the system schemas). */
    public Optional<Entry<List<SchemaRef>>> schemaList(String configId, boolean withSystem) {
        return read("SELECT FORMAT, SCANNED_AT, CONTENT FROM SCHEMA_LIST_CACHE WHERE CONFIG_ID = ? AND WITH_SYSTEM = ?",
                ps -> {
                    ps.setString(1, configId);
                    ps.setBoolean(2, withSystem);
                }).flatMap(row -> decode(row, json::readRefs));
    }

    /** Every cached schema of a connection, in no particular order. */
    public List<Entry<Schema>> schemas(String configId) {
        List<Entry<Schema>> schemas = new ArrayList<>();
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT FORMAT, SCANNED_AT, CONTENT FROM SCHEMA_CACHE WHERE CONFIG_ID = ?")) {
                ps.setString(1, configId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        decode(row(rs), json::read).ifPresent(schemas::add);
                    }
                }
            }
            return null;
        });
        return schemas;
    }

    public void putSchemaList(String configId, boolean withSystem, List<SchemaRef> refs, Instant scannedAt) {
        byte[] content = json.writeRefs(refs);
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO SCHEMA_LIST_CACHE (CONFIG_ID, WITH_SYSTEM, FORMAT, "
                    + "SCANNED_AT, CONTENT) KEY (CONFIG_ID, WITH_SYSTEM) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, configId);
                ps.setBoolean(2, withSystem);
                ps.setInt(3, SchemaJson.FORMAT);
                ps.setObject(4, OffsetDateTime.ofInstant(scannedAt, ZoneOffset.UTC));
                ps.setBytes(5, content);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Stores scanned schemas, replacing what was cached for them, in one transaction. */
    public void putSchemas(String configId, List<Schema> schemas, Instant scannedAt) {
        List<byte[]> contents = schemas.stream().map(json::write).toList();
        withConnection(c -> {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO SCHEMA_CACHE (CONFIG_ID, CATALOG_NAME, SCHEMA_NAME, "
                    + "FORMAT, SCANNED_AT, CONTENT) KEY (CONFIG_ID, CATALOG_NAME, SCHEMA_NAME) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < schemas.size(); i++) {
                    ps.setString(1, configId);
                    ps.setString(2, schemas.get(i).ref().catalog());
                    ps.setString(3, schemas.get(i).name());
                    ps.setInt(4, SchemaJson.FORMAT);
                    ps.setObject(5, OffsetDateTime.ofInstant(scannedAt, ZoneOffset.UTC));
                    ps.setBytes(6, contents.get(i));
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return null;
        });
    }

    /** Drops everything cached for a connection, e.g. after its settings point at another database. */
    public void forget(String configId) {
        withConnection(c -> {
            for (String table : List.of("SCHEMA_LIST_CACHE", "SCHEMA_CACHE")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE CONFIG_ID = ?")) {
                    ps.setString(1, configId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Drops cached schemas that are no longer in the connection's schema list. */
    public void retainSchemas(String configId, List<SchemaRef> present) {
        withConnection(c -> {
            List<String[]> cached = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT CATALOG_NAME, SCHEMA_NAME FROM SCHEMA_CACHE WHERE CONFIG_ID = ?")) {
                ps.setString(1, configId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cached.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM SCHEMA_CACHE WHERE CONFIG_ID = ? AND CATALOG_NAME = ? AND SCHEMA_NAME = ?")) {
                for (String[] key : cached) {
                    boolean kept = present.stream().anyMatch(r -> r.catalog().equals(key[0]) && r.name().equals(key[1]));
                    if (!kept) {
                        ps.setString(1, configId);
                        ps.setString(2, key[0]);
                        ps.setString(3, key[1]);
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    private record Row(int format, Instant scannedAt, byte[] content) {
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Optional<Row> read(String sql, Binder binder) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<Row>empty();
                }
            }
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getBytes(3));
    }

    private static <T> Optional<Entry<T>> decode(Row row, java.util.function.Function<byte[], T> reader) {
        if (row.format() != SchemaJson.FORMAT) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry<>(reader.apply(row.content()), row.scannedAt()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a schema cache entry: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection c = store.connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("The schema cache in the local store could not be read or written: "
                    + e.getMessage(), e);
        }
    }
}
