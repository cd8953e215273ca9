package dev.sextant.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.app.AppPaths;
import dev.sextant.config.ConfigRepository;
import dev.sextant.config.ConfigValidator;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.store.LocalStore;
import dev.sextant.testing.SchemaModels;
import dev.sextant.testing.TestSample;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans kept in the local store come back equal, with their time, and go when their connection goes. */
class SchemaCacheTest {

    @TempDir
    Path dir;
    private LocalStore store;
    private SchemaCache cache;
    private ConfigRepository configs;
    private String configId;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store"));
        cache = new SchemaCache(store);
        configs = new ConfigRepository(store, new ConfigValidator(ConnectorRegistry.loadInstalled()));
        configId = configs.create(ExternalDatabaseConfig.create("Shop", "h2", Map.of("path", "mem:shop"), ConnectionKind.TEST)).id();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyKindOfObjectAndNestedFieldsComeBackEqual() {
        Schema schema = SchemaModels.everyKind();
        SchemaJson json = new SchemaJson();

        assertThat(json.read(json.write(schema))).isEqualTo(schema);
        assertThat(json.read(json.write(schema)).table("customers").orElseThrow().column("address").orElseThrow()
                .children().get(1).children()).extracting(c -> c.name()).containsExactly("lat", "lon");
    }

    @Test
    void theRealSampleScanComesBackEqual() {
        AppPaths paths = TestSample.homeWithSample(dir.resolve("sample"));
        try (BaseDBConnector h2 = ConnectorRegistry.loadInstalled().create("h2",
                ConnectionParameters.of(Map.of("path", paths.sampleDatabase().toString())))) {
            h2.connect();
            List<Schema> scanned = h2.scanSchemas(h2.listSchemas());
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

            cache.putSchemas(configId, scanned, at);

            List<SchemaCache.Entry<Schema>> read = cache.schemas(configId);
            assertThat(read).extracting(SchemaCache.Entry::value).containsExactlyInAnyOrderElementsOf(scanned);
            assertThat(read).extracting(SchemaCache.Entry::scannedAt).containsOnly(at);
        }
    }

    @Test
    void theSchemaListIsKeptPerSystemSchemaChoiceAndRetainDropsVanishedSchemas() {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        List<SchemaRef> user = List.of(new SchemaRef("warehouse", "shop", "The shop"), new SchemaRef("warehouse", "old", ""));
        cache.putSchemaList(configId, false, user, at);
        cache.putSchemas(configId, List.of(SchemaModels.everyKind(), SchemaModels.large("old", 2, 2)), at);

        assertThat(cache.schemaList(configId, false)).hasValueSatisfying(e -> {
            assertThat(e.value()).isEqualTo(user);
            assertThat(e.scannedAt()).isEqualTo(at);
        });
        assertThat(cache.schemaList(configId, true)).isEmpty();

        cache.retainSchemas(configId, List.of(new SchemaRef("warehouse", "shop", "")));
        assertThat(cache.schemas(configId)).extracting(e -> e.value().name()).containsExactly("shop");
    }

    @Test
    void anUnknownFormatCountsAsNotCachedAndDeletingTheConnectionDropsItsCache() throws Exception {
        cache.putSchemaList(configId, false, List.of(new SchemaRef("", "shop", "")), Instant.now());
        cache.putSchemas(configId, List.of(SchemaModels.everyKind()), Instant.now());
        try (Connection c = store.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE SCHEMA_LIST_CACHE SET FORMAT = 99");
        }
        assertThat(cache.schemaList(configId, false)).isEmpty();
        assertThat(cache.schemas(configId)).hasSize(1);

        configs.delete(configId);

        assertThat(cache.schemas(configId)).isEmpty();
        try (Connection c = store.connection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM SCHEMA_LIST_CACHE")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
