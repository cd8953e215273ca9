package dev.sextant.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.store.LocalStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved connections in a real local store. */
class ConfigRepositoryTest {

    @TempDir
    Path dir;
    private LocalStore store;
    private ConfigRepository repo;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir);
        repo = new ConfigRepository(store, new ConfigValidator(ConnectorRegistry.loadInstalled()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ExternalDatabaseConfig h2(String name, String folder) {
        return ExternalDatabaseConfig.create(name, "h2", Map.of("path", "/data/" + name, "user", "ada"), ConnectionKind.TEST)
                .withFolder(folder).withSecretRefs(Map.of("password", "env:SALES_PW"));
    }

    @Test
    void createReadUpdateAndDeleteKeepEveryField() {
        Instant before = Instant.now();
        ExternalDatabaseConfig saved = repo.create(h2("Sales", "Reporting").withReadOnly(true));

        ExternalDatabaseConfig read = repo.find(saved.id()).orElseThrow();
        assertThat(read.name()).isEqualTo("Sales");
        assertThat(read.type()).isEqualTo("h2");
        assertThat(read.folder()).isEqualTo("Reporting");
        assertThat(read.kind()).isEqualTo(ConnectionKind.TEST);
        assertThat(read.readOnly()).isTrue();
        assertThat(read.parameters()).containsOnly(Map.entry("path", "/data/Sales"), Map.entry("user", "ada"));
        assertThat(read.secretRefs()).containsExactly(Map.entry("password", "env:SALES_PW"));
        assertThat(read.createdAt()).isAfterOrEqualTo(before.minusSeconds(1));

        ExternalDatabaseConfig changed = new ExternalDatabaseConfig(read.id(), read.name(), "h2", Map.of("path", "/data/other"),
                Map.of(), ConnectionKind.PRODUCTION, false, "Reporting", "#1f6feb", null, null);
        repo.update(changed);
        ExternalDatabaseConfig updated = repo.find(read.id()).orElseThrow();
        assertThat(updated.parameters()).containsExactly(Map.entry("path", "/data/other"));
        assertThat(updated.secretRefs()).isEmpty();
        assertThat(updated.kind()).isEqualTo(ConnectionKind.PRODUCTION);
        assertThat(updated.color()).isEqualTo("#1f6feb");
        assertThat(updated.createdAt()).isEqualTo(read.createdAt());
        assertThat(updated.updatedAt()).isAfterOrEqualTo(read.updatedAt());

        assertThat(repo.delete(read.id())).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Sales"));
        assertThat(repo.find(read.id())).isEmpty();
        assertThat(repo.list()).isEmpty();
    }

    @Test
    void namesAreUniquePerFolderButMayRepeatAcrossFolders() {
        repo.create(h2("Sales", ""));
        repo.create(h2("Sales", "Archive"));

        assertThatThrownBy(() -> repo.create(h2("Sales", "Archive")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("name");
                    assertThat(e.getMessage()).contains("already a connection named 'Sales' in the folder 'Archive'");
                });
        assertThat(repo.list()).hasSize(2);
    }

    @Test
    void listByFolderAndFolders() {
        repo.create(h2("b", "Team"));
        repo.create(h2("A", "Team"));
        repo.create(h2("top", ""));

        assertThat(repo.folders()).containsExactly("", "Team");
        assertThat(repo.listByFolder("Team")).extracting(ExternalDatabaseConfig::name).containsExactly("A", "b");
        assertThat(repo.list()).extracting(ExternalDatabaseConfig::name).containsExactly("top", "A", "b");
    }

    @Test
    void renameKeepsIdAndSecretsAndMoveChecksTheTargetFolder() {
        ExternalDatabaseConfig saved = repo.create(h2("Old", ""));
        repo.create(h2("Taken", "Elsewhere"));

        ExternalDatabaseConfig renamed = repo.rename(saved.id(), "  New  ");
        assertThat(renamed.id()).isEqualTo(saved.id());
        assertThat(repo.find(saved.id()).orElseThrow().name()).isEqualTo("New");
        assertThat(repo.find(saved.id()).orElseThrow().secretRefs()).containsEntry("password", "env:SALES_PW");

        repo.rename(saved.id(), "Taken");
        assertThatThrownBy(() -> repo.moveToFolder(saved.id(), "Elsewhere")).isInstanceOf(InvalidConfigException.class);
        assertThat(repo.find(saved.id()).orElseThrow().folder()).isEmpty();
    }

    @Test
    void duplicateGetsAFreeNameANewIdAndTheGivenSecretReferences() {
        ExternalDatabaseConfig saved = repo.create(h2("Sales", "Team"));

        ExternalDatabaseConfig copy = repo.duplicate(saved.id(), Map.of());
        ExternalDatabaseConfig copy2 = repo.duplicate(saved.id(), Map.of("password", "env:OTHER"));

        assertThat(copy.id()).isNotEqualTo(saved.id());
        assertThat(copy.name()).isEqualTo("Sales (copy)");
        assertThat(copy2.name()).isEqualTo("Sales (copy 2)");
        assertThat(copy.folder()).isEqualTo("Team");
        assertThat(copy.parameters()).isEqualTo(saved.parameters());
        assertThat(repo.find(copy2.id()).orElseThrow().secretRefs()).containsExactly(Map.entry("password", "env:OTHER"));
    }

    @Test
    void validationNamesEachBadFieldAndSavesNothing() {
        ExternalDatabaseConfig bad = new ExternalDatabaseConfig("x", " ", "h2",
                Map.of("create", "perhaps", "hots", "db.example"), Map.of("password", "hunter2"),
                ConnectionKind.DEVELOPMENT, false, "", "blue", null, null);

        assertThatThrownBy(() -> repo.create(bad)).isInstanceOfSatisfying(InvalidConfigException.class, e -> {
            assertThat(e.problems()).extracting(FieldProblem::field)
                    .containsExactlyInAnyOrder("name", "color", "path", "create", "hots", "password");
            assertThat(e.getMessage()).contains("'Name' must not be empty")
                    .contains("'Database file' is required")
                    .contains("'Create the database if it does not exist' must be true or false, not 'perhaps'")
                    .contains("'hots' is not a setting of H2 Database")
                    .contains("'Password' must be a keychain, session or env:NAME reference")
                    .doesNotContain("hunter2");
        });
        assertThat(repo.list()).isEmpty();
    }

    @Test
    void aSecretAmongThePlainSettingsIsRefused() {
        ExternalDatabaseConfig leaky = ExternalDatabaseConfig.create("Leaky", "h2",
                Map.of("path", "/x", "password", "s3cret"), ConnectionKind.DEVELOPMENT);

        assertThatThrownBy(() -> repo.create(leaky)).isInstanceOfSatisfying(InvalidConfigException.class, e -> {
            assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("password");
            assertThat(e.getMessage()).contains("'Password' is a secret").doesNotContain("s3cret");
        });
    }

    @Test
    void anUnknownConnectorTypeIsRefusedWithTheKnownTypes() {
        assertThatThrownBy(() -> repo.create(ExternalDatabaseConfig.create("X", "oracle", Map.of(), ConnectionKind.TEST)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("Unknown connection type 'oracle'").hasMessageContaining("Known types: bigquery, h2, postgresql");
    }

    @Test
    void saveAllIsAllOrNothing() {
        ExternalDatabaseConfig existing = repo.create(h2("Keep", ""));
        List<ExternalDatabaseConfig> batch = List.of(h2("One", ""), h2("Two", ""), h2("Keep", "")); // last clashes by name

        assertThatThrownBy(() -> repo.saveAll(batch)).isInstanceOf(InvalidConfigException.class);

        assertThat(repo.list()).extracting(ExternalDatabaseConfig::id).containsExactly(existing.id());
    }

    @Test
    void portsAreHeldToTheirRangeAndOtherNumbersMustNotBeNegative() {
        ConfigValidator validator = new ConfigValidator(ConnectorRegistry.loadInstalled());
        java.util.function.Function<Map<String, String>, List<String>> problems = values -> validator.problems(
                ExternalDatabaseConfig.create("Pg", "postgresql", values, ConnectionKind.TEST)).stream()
                .map(FieldProblem::message).toList();
        Map<String, String> good = Map.of("host", "db", "port", "5432", "database", "d", "user", "u");

        assertThat(problems.apply(good)).isEmpty();
        Map<String, String> port0 = new java.util.HashMap<>(good);
        port0.put("port", "0");
        assertThat(problems.apply(port0)).containsExactly("'Port' must be between 1 and 65535, not 0.");
        Map<String, String> port70000 = new java.util.HashMap<>(good);
        port70000.put("port", "70000");
        assertThat(problems.apply(port70000)).containsExactly("'Port' must be between 1 and 65535, not 70000.");
        Map<String, String> negativeTimeout = new java.util.HashMap<>(good);
        negativeTimeout.put("connectTimeout", "-5");
        assertThat(problems.apply(negativeTimeout)).containsExactly("'Connect timeout (s)' must not be negative.");
    }

    @Test
    void renamingAFolderMovesAllItsConnectionsOrNoneWhenANameClashes() {
        ExternalDatabaseConfig a = repo.create(h2("Alpha", "Old"));
        ExternalDatabaseConfig b = repo.create(h2("Beta", "Old"));
        ExternalDatabaseConfig elsewhere = repo.create(h2("Alpha", "Taken"));

        assertThat(repo.renameFolder("Old", "New")).isEqualTo(2);
        assertThat(repo.listByFolder("New")).extracting(ExternalDatabaseConfig::id).containsExactly(a.id(), b.id());
        assertThat(repo.folders()).containsExactly("New", "Taken");

        assertThatThrownBy(() -> repo.renameFolder("New", "Taken")).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("The folder 'Taken' already has a connection named 'Alpha'");
        assertThat(repo.listByFolder("New")).hasSize(2);
        assertThat(repo.find(elsewhere.id()).orElseThrow().folder()).isEqualTo("Taken");

        assertThat(repo.renameFolder("New", "")).as("into the top level").isEqualTo(2);
        assertThat(repo.folders()).containsExactly("", "Taken");
    }

    @Test
    void anUpdateChangesTheRowInPlaceSoRowsThatReferToItStay() throws Exception {
        ExternalDatabaseConfig saved = repo.create(h2("Sales", ""));
        try (java.sql.Connection c = store.connection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO QUERY_HISTORY (CONFIG_ID, SQL_TEXT, STARTED_AT) VALUES ('" + saved.id()
                    + "', 'SELECT 1', CURRENT_TIMESTAMP)");
        }

        repo.update(saved.withName("Sales EU"));
        repo.saveAll(List.of(repo.find(saved.id()).orElseThrow().withFolder("Reporting")));

        try (java.sql.Connection c = store.connection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT CONFIG_ID FROM QUERY_HISTORY")) {
            rs.next();
            assertThat(rs.getString(1)).as("the history still names its connection").isEqualTo(saved.id());
        }
        assertThat(repo.find(saved.id()).orElseThrow().name()).isEqualTo("Sales EU");
        assertThat(repo.find(saved.id()).orElseThrow().parameters()).isEqualTo(saved.parameters());
        assertThat(repo.find(saved.id()).orElseThrow().createdAt()).isEqualTo(saved.createdAt());
    }
}
