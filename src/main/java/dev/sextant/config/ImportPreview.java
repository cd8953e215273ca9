package dev.sextant.config;

import java.util.List;

/**
 * What an import would do, shown to the user before anything is written.
 *
 * @param items one per connection in the file, in file order
 */
public record ImportPreview(List<Item> items) {

    /** Whether a connection is new, or replaces the saved one with the same folder and name. */
    public enum Action { ADD, REPLACE }

    public record Item(Action action, ExternalDatabaseConfig config) {
    }

    public ImportPreview {
        items = List.copyOf(items);
    }

    public long count(Action action) {
        return items.stream().filter(i -> i.action() == action).count();
    }

    public List<ExternalDatabaseConfig> configs() {
        return items.stream().map(Item::config).toList();
    }
}
