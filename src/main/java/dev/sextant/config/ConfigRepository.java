package dev.sextant.config;

import java.util.List;
import java.util.Optional;

/** Where connection configs are kept. The local H2 store implements it; tests and the skeleton use memory. */
public interface ConfigRepository {

    List<ExternalDatabaseConfig> list();

    Optional<ExternalDatabaseConfig> find(String id);

    Optional<ExternalDatabaseConfig> findByName(String name);

    /** Inserts or replaces the config with the same id. */
    void save(ExternalDatabaseConfig config);

    void delete(String id);
}
