package dev.sextant.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Window state survives closing and reopening the store. */
class UiStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void valuesAreKeptByKeyAndReplacedOnPut() {
        try (LocalStore store = LocalStore.open(dir)) {
            UiStateStore state = new UiStateStore(store);
            assertThat(state.get("window")).isEmpty();
            state.put("window", "{\"width\": 1280}");
            state.put("window", "{\"width\": 1440}");
            state.put("theme", "dark");
        }
        try (LocalStore again = LocalStore.open(dir)) {
            UiStateStore state = new UiStateStore(again);
            assertThat(state.get("window")).hasValue("{\"width\": 1440}");
            assertThat(state.get("theme")).hasValue("dark");
        }
    }
}
