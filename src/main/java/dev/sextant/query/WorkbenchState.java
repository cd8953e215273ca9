package dev.sextant.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.sql.ParameterValue;
import dev.sextant.store.LocalStore;
import dev.sextant.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the query workbench keeps between starts, in the store's UI_STATE table as JSON: the open editor
 * tabs with their text, and the last parameter values per connection. Values marked secret are never
 * written. Blocks on the store: call from background threads.
 */
public final class WorkbenchState {

    static final String TABS_KEY = "workbench.tabs";
    static final String PARAMETERS_KEY = "workbench.parameters.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStore store;

    public WorkbenchState(LocalStore store) {
        this.store = store;
    }

    public void saveTabs(List<SavedTab> tabs) {
        write(TABS_KEY, tabs);
    }

    public List<SavedTab> loadTabs() {
        return read(TABS_KEY).map(json -> parse(json, new TypeReference<List<SavedTab>>() { })).orElse(List.of());
    }

    /** Keeps the values for the next run on this connection; secret ones are left out. */
    public void saveParameters(String configId, List<ParameterValue> values) {
        List<ParameterValue> kept = new ArrayList<>();
        List<ParameterValue> earlier = loadParameters(configId);
        values.stream().filter(v -> !v.secret()).forEach(kept::add);
        earlier.stream().filter(e -> kept.stream().noneMatch(k -> k.name().equals(e.name())))
                .filter(e -> values.stream().noneMatch(v -> v.name().equals(e.name())))
                .limit(50).forEach(kept::add);
        write(PARAMETERS_KEY + configId, kept);
    }

    public List<ParameterValue> loadParameters(String configId) {
        return read(PARAMETERS_KEY + configId)
                .map(json -> parse(json, new TypeReference<List<ParameterValue>>() { })).orElse(List.of())
                .stream().filter(v -> v.type() != null).toList();
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException(StoreException.Problem.INTERNAL, "Saved editor state could not be read: "
                    + e.getOriginalMessage(), null, e);
        }
    }

    private void write(String key, Object value) {
        String json;
        try {
            json = JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(
                "MERGE INTO UI_STATE (STATE_KEY, STATE_VALUE, UPDATED_AT) KEY (STATE_KEY) VALUES (?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, json);
            ps.setObject(3, OffsetDateTime.now());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(StoreException.Problem.INTERNAL, "Editor state could not be saved: " + e.getMessage(), null, e);
        }
    }

    private Optional<String> read(String key) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT STATE_VALUE FROM UI_STATE WHERE STATE_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Problem.INTERNAL, "Editor state could not be read: " + e.getMessage(), null, e);
        }
    }

}
