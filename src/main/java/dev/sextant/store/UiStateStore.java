package dev.sextant.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * State kept between starts, as text values by key in the store's UI_STATE table: what the window looked
 * like when it closed (size, split positions, theme, open connections), the open editor tabs, the last
 * parameter values. Its users decide what a value holds; this class only keeps it. Call off the JavaFX
 * thread.
 */
public final class UiStateStore {

    private final LocalStore store;

    public UiStateStore(LocalStore store) {
        this.store = store;
    }

    public Optional<String> get(String key) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT STATE_VALUE FROM UI_STATE WHERE STATE_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Problem.INTERNAL, "Saved window or editor state could not be read from the store: "
                    + e.getMessage(), null, e);
        }
    }

    public void put(String key, String value) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement(
                     "MERGE INTO UI_STATE (STATE_KEY, STATE_VALUE, UPDATED_AT) KEY (STATE_KEY) VALUES (?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(StoreException.Problem.INTERNAL, "Window or editor state could not be saved in the store: "
                    + e.getMessage(), null, e);
        }
    }
}
