package dev.sextant.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configs held for the life of the process; thread-safe. */
public final class InMemoryConfigRepository implements ConfigRepository {

    private final Map<String, ExternalDatabaseConfig> configs = new LinkedHashMap<>();

    @Override
    public synchronized List<ExternalDatabaseConfig> list() {
        return new ArrayList<>(configs.values());
    }

    @Override
    public synchronized Optional<ExternalDatabaseConfig> find(String id) {
        return Optional.ofNullable(configs.get(id));
    }

    @Override
    public synchronized Optional<ExternalDatabaseConfig> findByName(String name) {
        return configs.values().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    @Override
    public synchronized void save(ExternalDatabaseConfig config) {
        boolean clash = configs.values().stream()
                .anyMatch(c -> c.name().equals(config.name()) && !c.id().equals(config.id()));
        if (clash) {
            throw new IllegalArgumentException("A connection named '" + config.name() + "' already exists.");
        }
        configs.put(config.id(), config);
    }

    @Override
    public synchronized void delete(String id) {
        configs.remove(id);
    }
}
