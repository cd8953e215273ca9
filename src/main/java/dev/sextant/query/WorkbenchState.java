package dev.sextant.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.sql.ParameterValue;
import dev.sextant.store.LocalStore;
import dev.sextant.store.StoreException;
import dev.sextant.store.UiStateStore;
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

    private final UiStateStore state;

    public WorkbenchState(LocalStore store) {
        this.state = new UiStateStore(store);
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
        try {
            state.put(key, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> read(String key) {
        return state.get(key);
    }
}
