package dev.sextant.ui.window;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.store.UiStateStore;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the window state in the store. A state that cannot be read (another version, a broken
 * value) is ignored: the window then opens as on a first start. Blocking: call off the JavaFX thread.
 */
public final class WindowStateStore {

    static final String KEY = "window";
    private static final Logger LOG = LoggerFactory.getLogger(WindowStateStore.class);

    private final UiStateStore store;
    private final ObjectMapper json = new ObjectMapper();

    public WindowStateStore(UiStateStore store) {
        this.store = store;
    }

    public Optional<WindowState> read() {
        try {
            return store.get(KEY).map(text -> {
                try {
                    return json.readValue(text, WindowState.class);
                } catch (JsonProcessingException e) {
                    LOG.warn("Ignoring a window state that cannot be read: {}", e.getOriginalMessage());
                    return null;
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("The window state could not be read: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public void write(WindowState state) {
        try {
            store.put(KEY, json.writeValueAsString(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The window state could not be written as JSON", e);
        }
    }
}
