package dev.sextant.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.store.LocalStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Export and import of connection configs, against a real store. */
class ConfigTransferTest {

    @TempDir
    Path dir;
    private LocalStore store;
    private ConfigRepository repo;
    private ConfigTransfer transfer;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir);
        ConfigValidator validator = new ConfigValidator(ConnectorRegistry.loadInstalled());
        repo = new ConfigRepository(store, validator);
        transfer = new ConfigTransfer(validator);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ExternalDatabaseConfig saved(String name, String folder, Map<String, String> refs) {
        return repo.create(ExternalDatabaseConfig.create(name, "h2", Map.of("path", "/data/" + name), ConnectionKind.PRODUCTION)
                .withFolder(folder).withSecretRefs(refs).withReadOnly(true));
    }

    @Test
    void aRoundTripRestoresEveryConnectionWithoutMachineLocalSecrets() {
        saved("Sales", "Team", Map.of("password", "env:SALES_PW"));
        saved("Ops", "", Map.of("password", "keychain:1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
        String file = transfer.export(repo.list());

        assertThat(file).contains("\"format\" : \"sextant-connections\"").contains("\"version\" : 1")
                .contains("env:SALES_PW").doesNotContain("keychain:").contains("\"secretsLeftOut\" : [ \"password\" ]");

        try (LocalStore other = LocalStore.open(dir.resolve("other-machine"))) {
            ConfigRepository otherRepo = new ConfigRepository(other, new ConfigValidator(ConnectorRegistry.loadInstalled()));
            ImportPreview preview = transfer.preview(file, otherRepo.list());
            assertThat(preview.count(ImportPreview.Action.ADD)).isEqualTo(2);
            otherRepo.saveAll(preview.configs());

            ExternalDatabaseConfig sales = otherRepo.findByName("Sales").orElseThrow();
            assertThat(sales.folder()).isEqualTo("Team");
            assertThat(sales.kind()).isEqualTo(ConnectionKind.PRODUCTION);
            assertThat(sales.readOnly()).isTrue();
            assertThat(sales.parameters()).containsExactly(Map.entry("path", "/data/Sales"));
            assertThat(sales.secretRefs()).containsExactly(Map.entry("password", "env:SALES_PW"));
            assertThat(otherRepo.findByName("Ops").orElseThrow().secretRefs()).isEmpty();
        }
    }

    @Test
    void mcpAccessIsSavedExportedAndImportedAndIsOffWhenAFileSaysNothing() {
        repo.create(ExternalDatabaseConfig.create("Reader", "h2", Map.of("path", "/data/r"), ConnectionKind.TEST)
                .withMcp(McpAccess.READ_ONLY));
        repo.create(ExternalDatabaseConfig.create("Writer", "h2", Map.of("path", "/data/w"), ConnectionKind.DEVELOPMENT)
                .withMcp(new McpAccess(true, true)));
        repo.create(ExternalDatabaseConfig.create("Hidden", "h2", Map.of("path", "/data/h"), ConnectionKind.PRODUCTION));
        assertThat(repo.findByName("Writer").orElseThrow().mcp()).isEqualTo(new McpAccess(true, true));
        assertThat(repo.findByName("Hidden").orElseThrow().mcp()).isEqualTo(McpAccess.NONE);

        String file = transfer.export(repo.list());
        try (LocalStore other = LocalStore.open(dir.resolve("other-machine"))) {
            ConfigRepository otherRepo = new ConfigRepository(other, new ConfigValidator(ConnectorRegistry.loadInstalled()));
            otherRepo.saveAll(transfer.preview(file, otherRepo.list()).configs());
            assertThat(otherRepo.findByName("Reader").orElseThrow().mcp()).isEqualTo(McpAccess.READ_ONLY);
            assertThat(otherRepo.findByName("Writer").orElseThrow().mcp()).isEqualTo(new McpAccess(true, true));
            assertThat(otherRepo.findByName("Hidden").orElseThrow().mcp()).isEqualTo(McpAccess.NONE);
        }

        String older = "{\"format\": \"sextant-connections\", \"version\": 1, \"connections\": ["
                + "{\"name\": \"Old\", \"type\": \"h2\", \"parameters\": {\"path\": \"/data/o\"}}]}";
        assertThat(transfer.preview(older, List.of()).configs().get(0).mcp()).isEqualTo(McpAccess.NONE);
        assertThatThrownBy(() -> transfer.preview(older.replace("\"parameters\"", "\"mcp\": {\"available\": \"yes\"}, \"parameters\""), List.of()))
                .isInstanceOf(ImportException.class).hasMessageContaining("\"mcp.available\" must be true or false");
    }

    @Test
    void importingOntoTheSameNamesReplacesThemAndKeepsTheirOwnKeychainReferences() {
        ExternalDatabaseConfig ops = saved("Ops", "", Map.of("password", "keychain:abc"));
        String file = transfer.export(repo.list()).replace("/data/Ops", "/data/ops-v2");

        ImportPreview preview = transfer.preview(file, repo.list());

        assertThat(preview.items()).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(ImportPreview.Action.REPLACE);
            assertThat(i.config().id()).isEqualTo(ops.id());
        });
        repo.saveAll(preview.configs());
        ExternalDatabaseConfig replaced = repo.find(ops.id()).orElseThrow();
        assertThat(replaced.parameters()).containsEntry("path", "/data/ops-v2");
        assertThat(replaced.secretRefs()).containsEntry("password", "keychain:abc");
        assertThat(replaced.createdAt()).isEqualTo(ops.createdAt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON | {\"format\": \"sextant-connections\", | not valid JSON (line 1",
        "another format | {\"format\": \"dbeaver\", \"version\": 1} | not a Sextant connections export",
        "unknown version | {\"format\": \"sextant-connections\", \"version\": 7, \"connections\": []} | format version 7",
        "unknown type | {\"format\": \"sextant-connections\", \"version\": 1, \"connections\": [{\"name\": \"A\", \"type\": \"h2\", \"parameters\": {\"path\": \"/a\"}}, {\"name\": \"Warehouse\", \"type\": \"oracle\"}]} | Entry 2 ('Warehouse'): Unknown connection type 'oracle'. Known types: bigquery, h2, postgresql",
        "missing required field | {\"format\": \"sextant-connections\", \"version\": 1, \"connections\": [{\"name\": \"NoPath\", \"type\": \"h2\"}]} | Entry 1 ('NoPath'): 'Database file' is required",
        "missing name | {\"format\": \"sextant-connections\", \"version\": 1, \"connections\": [{\"type\": \"h2\"}]} | Entry 1 has no \"name\"",
        "bad kind | {\"format\": \"sextant-connections\", \"version\": 1, \"connections\": [{\"name\": \"K\", \"type\": \"h2\", \"kind\": \"live\"}]} | Entry 1 ('K') has kind 'live'",
        "duplicate entry | {\"format\": \"sextant-connections\", \"version\": 1, \"connections\": [{\"name\": \"D\", \"type\": \"h2\", \"parameters\": {\"path\": \"/d\"}}, {\"name\": \"D\", \"type\": \"h2\", \"parameters\": {\"path\": \"/d\"}}]} | Entry 2 ('D') has the same folder and name",
        "secret value instead of a reference | {\"format\": \"sextant-connections\", \"version\": 1, \"connections\": [{\"name\": \"S\", \"type\": \"h2\", \"parameters\": {\"path\": \"/s\"}, \"secretRefs\": {\"password\": \"hunter2\"}}]} | 'Password' must be a keychain, session or env:NAME reference",
    })
    void badFilesAreRefusedWithAMessageNamingTheProblemAndNothingIsImported(String caseName, String file, String expected) {
        saved("Existing", "", Map.of());

        assertThatThrownBy(() -> repo.saveAll(transfer.preview(file, repo.list()).configs()))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        assertThat(repo.list()).extracting(ExternalDatabaseConfig::name).containsExactly("Existing");
    }

    @Test
    void anImportThatFailsHalfWayInTheStoreWritesNothing() {
        saved("Taken", "", Map.of());
        // valid on its own, but "Taken" in folder "" clashes with a saved connection under another id only at write time
        List<ExternalDatabaseConfig> batch = List.of(
                ExternalDatabaseConfig.create("New one", "h2", Map.of("path", "/n"), ConnectionKind.TEST),
                ExternalDatabaseConfig.create("Taken", "h2", Map.of("path", "/t"), ConnectionKind.TEST));

        assertThatThrownBy(() -> repo.saveAll(batch)).isInstanceOf(InvalidConfigException.class);
        assertThat(repo.list()).extracting(ExternalDatabaseConfig::name).containsExactly("Taken");
    }
}
