package dev.sextant.app;

import dev.sextant.config.ConfigRepository;
import dev.sextant.store.LocalStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the "Sample" connection to the store the first time Sextant starts with it, and never again: a
 * user who deletes it does not get it back at the next start. When the data folder has moved (restored
 * elsewhere, or another SEXTANT_HOME), the connection is pointed at the sample of the folder in use, when
 * nothing is left where it pointed or when it pointed at the sample of another data folder (this one copied).
 */
final class SampleConnection {

    static final String MARKER = "sample.connection.added";
    private static final String PATH = "path";
    private static final Logger LOG = LoggerFactory.getLogger(SampleConnection.class);

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
                        followMovedDataFolder();
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

    private void followMovedDataFolder() {
        String here = sample.connection().parameters().get(PATH);
        configs.find(SampleDatabase.CONNECTION_ID).ifPresent(saved -> {
            String there = saved.parameters().get(PATH);
            if (!saved.type().equals(sample.connection().type()) || there == null || there.equals(here) || !sample.exists()) {
                return;
            }
            boolean gone = !Files.exists(Path.of(there + ".mv.db"));
            if (!gone && !sample.isSampleOfAnotherDataFolder(Path.of(there))) {
                return; // pointed elsewhere on purpose
            }
            Map<String, String> parameters = new LinkedHashMap<>(saved.parameters());
            parameters.put(PATH, here);
            configs.update(saved.withParameters(parameters));
            LOG.info(gone ? "The sample connection pointed to {}, where there is no database any more; it now uses this data folder's sample"
                    : "The sample connection pointed to {}, the sample of another data folder (this one is a copy); it now uses this data folder's sample",
                    there);
        });
    }
}
