package dev.sextant.app;

import dev.sextant.config.ConfigRepository;
import dev.sextant.store.LocalStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Adds the "Sample" connection to the store the first time Sextant starts with it, and never again: a
 * user who deletes it does not get it back at the next start.
 */
final class SampleConnection {

    static final String MARKER = "sample.connection.added";

    private final LocalStore store;
    private final ConfigRepository configs;
    private final SampleDatabase sample;

    SampleConnection(LocalStore store, ConfigRepository configs, SampleDatabase sample) {
        this.store = store;
        this.configs = configs;
        this.sample = sample;
    }

    void addOnce() {
        try (Connection c = store.connection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM UI_STATE WHERE STATE_KEY = ?")) {
                ps.setString(1, MARKER);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
            }
            if (configs.find(SampleDatabase.CONNECTION_ID).isEmpty()) {
                configs.create(sample.connection());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO UI_STATE VALUES (?, 'true', ?)")) {
                ps.setString(1, MARKER);
                ps.setObject(2, OffsetDateTime.now());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the sample connection in the store: " + e.getMessage(), e);
        }
    }
}
