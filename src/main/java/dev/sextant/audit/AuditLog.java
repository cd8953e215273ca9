package dev.sextant.audit;

import dev.sextant.store.LocalStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The MCP audit log in the local store: every call a client made, written by the MCP server and read by
 * the window's audit view. Each method is one short transaction (the store is shared with other Sextant
 * processes); call from background threads.
 */
public final class AuditLog {

    static final int MAX_TEXT = 2000;
    static final int MAX_NAME = 200;

    private final LocalStore store;

    public AuditLog(LocalStore store) {
        this.store = store;
    }

    /** Appends an entry; its id is given by the store. */
    public void record(AuditEntry entry) {
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO MCP_AUDIT "
                + "(CALLED_AT, CLIENT, OPERATION, CONFIG_ID, CONNECTION_NAME, REQUEST, OUTCOME, ROW_COUNT, DURATION_MS, MESSAGE) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, OffsetDateTime.ofInstant(entry.calledAt(), ZoneOffset.UTC));
            ps.setString(2, cut(entry.client(), MAX_NAME));
            ps.setString(3, cut(entry.operation(), 100));
            ps.setString(4, entry.configId());
            ps.setString(5, cut(entry.connection(), MAX_NAME));
            ps.setString(6, entry.request());
            ps.setString(7, entry.outcome().name());
            if (entry.rowCount() == null) {
                ps.setNull(8, Types.BIGINT);
            } else {
                ps.setLong(8, entry.rowCount());
            }
            ps.setLong(9, entry.duration().toMillis());
            ps.setString(10, cut(entry.message(), MAX_TEXT));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The audit log could not be written: " + e.getMessage(), e);
        }
    }

    /** The newest entries first, at most {@code limit}. */
    public List<AuditEntry> recent(int limit) {
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement("SELECT ID, CALLED_AT, CLIENT, "
                + "OPERATION, CONFIG_ID, CONNECTION_NAME, REQUEST, OUTCOME, ROW_COUNT, DURATION_MS, MESSAGE FROM MCP_AUDIT "
                + "ORDER BY ID DESC FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long rows = rs.getLong(9);
                    Long rowCount = rs.wasNull() ? null : rows;
                    entries.add(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            AuditEntry.Outcome.valueOf(rs.getString(8)), rowCount, Duration.ofMillis(rs.getLong(10)),
                            rs.getString(11)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("The audit log could not be read: " + e.getMessage(), e);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
