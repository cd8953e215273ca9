package dev.sextant.ui.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.config.ConfigRepository;
import dev.sextant.config.ConfigValidator;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.config.McpAccess;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.TestStage;
import dev.sextant.query.Workspace;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.secret.SecretStore;
import dev.sextant.store.LocalStore;
import dev.sextant.testing.TestPostgres;
import dev.sextant.ui.task.DirectTaskExecutor;
import dev.sextant.ui.task.TaskMonitor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection form's rules without a screen: a synchronous executor, a real store and a real PostgreSQL. */
class ConnectionFormModelTest {

    private static final String PASSWORD = "Form-Sentinel-77c1";

    @TempDir
    Path dir;
    private LocalStore store;
    private FakeKeychain keychain;
    private ConnectionCatalog catalog;
    private Workspace workspace;
    private TaskMonitor tasks;
    private final ConnectorRegistry registry = ConnectorRegistry.loadInstalled();

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("store"));
        keychain = new FakeKeychain();
        SecretStore secrets = new SecretStore(keychain);
        ConfigValidator validator = new ConfigValidator(registry);
        catalog = new ConnectionCatalog(new ConfigRepository(store, validator), secrets, validator);
        workspace = new Workspace(registry, secrets, dir);
        tasks = new TaskMonitor(new DirectTaskExecutor());
    }

    @AfterEach
    void close() {
        workspace.close();
        store.close();
    }

    private ConnectionFormModel newForm() {
        ConnectionFormModel form = new ConnectionFormModel(registry, () -> catalog, workspace, tasks, null);
        form.typeProperty().set(registry.provider("postgresql"));
        return form;
    }

    private static void set(ConnectionFormModel form, String field, String value) {
        form.field(field).orElseThrow().valueProperty().set(value);
    }

    private static String problem(ConnectionFormModel form, String field) {
        return form.field(field).orElseThrow().problemProperty().get();
    }

    @Test
    void theFormIsTheConnectorsFieldsInItsGroupsWithDefaults() {
        ConnectionFormModel form = newForm();

        assertThat(form.fields()).extracting(f -> f.spec().group()).containsSubsequence("Main", "Authentication", "SSL", "Advanced");
        assertThat(form.field("port").orElseThrow().valueProperty().get()).isEqualTo("5432");
        assertThat(form.field("sslMode").orElseThrow().valueProperty().get()).isEqualTo("prefer");
        assertThat(form.field("password").orElseThrow().spec().secret()).isTrue();

        form.typeProperty().set(registry.provider("h2"));
        assertThat(form.fields()).extracting(f -> f.spec().name()).containsExactly("path", "user", "password", "create");
    }

    @Test
    void problemsNameTheFieldAndShowOnceItWasTouched() {
        ConnectionFormModel form = newForm();
        assertThat(problem(form, "host")).as("nothing is shown before the user types").isNull();
        assertThat(form.validProperty().get()).isFalse();

        set(form, "port", "54x");
        assertThat(problem(form, "port")).isEqualTo("'Port' must be a whole number, not '54x'.");
        set(form, "port", "70000");
        assertThat(problem(form, "port")).isEqualTo("'Port' must be between 1 and 65535, not 70000.");
        set(form, "port", "5432");
        assertThat(problem(form, "port")).isNull();

        set(form, "host", "db");
        set(form, "host", "");
        assertThat(problem(form, "host")).isNull(); // Host has a default, so empty is fine
        set(form, "sslMode", "verify-full");
        set(form, "sslRootCert", dir.resolve("missing-ca.pem").toString());
        assertThat(problem(form, "sslRootCert")).isEqualTo("'Root certificate': there is no readable file at "
                + dir.resolve("missing-ca.pem") + ".");

        form.nameProperty().set("x");
        form.nameProperty().set(" ");
        assertThat(form.nameProblemProperty().get()).isEqualTo("'Name' must not be empty.");
    }

    @Test
    void fieldsThatDoNotApplyToTheOtherValuesAreHiddenUncheckedAndNotSaved() {
        ConnectionFormModel form = new ConnectionFormModel(registry, () -> catalog, workspace, tasks, null);
        form.typeProperty().set(registry.provider("bigquery"));
        form.nameProperty().set("Analytics");
        set(form, "projectId", "acme-analytics");
        // signing in with Application Default Credentials: neither kind of key applies
        assertThat(form.field("authentication").orElseThrow().valueProperty().get()).isEqualTo("application-default");
        assertThat(form.field("keyFile").orElseThrow().shownProperty().get()).isFalse();
        assertThat(form.field("serviceAccountKey").orElseThrow().shownProperty().get()).isFalse();
        assertThat(form.field("impersonateServiceAccount").orElseThrow().shownProperty().get()).isTrue();

        set(form, "authentication", "service-account-key-file");
        assertThat(form.field("keyFile").orElseThrow().shownProperty().get()).isTrue();
        assertThat(form.field("serviceAccountKey").orElseThrow().shownProperty().get()).isFalse();
        set(form, "keyFile", dir.resolve("missing-key.json").toString());
        assertThat(problem(form, "keyFile")).startsWith("'Service-account key file'");
        assertThat(form.validProperty().get()).isFalse();

        // back to ADC: the key file no longer applies, so its problem goes and it is not saved
        set(form, "authentication", "application-default");
        assertThat(form.field("keyFile").orElseThrow().shownProperty().get()).isFalse();
        assertThat(problem(form, "keyFile")).isNull();
        assertThat(form.validProperty().get()).isTrue();
        AtomicReference<ExternalDatabaseConfig> saved = new AtomicReference<>();
        form.save(saved::set, (a, b) -> { });
        assertThat(saved.get()).isNotNull();
        assertThat(saved.get().parameters()).containsEntry("authentication", "application-default")
                .doesNotContainKey("keyFile");

        // PostgreSQL: the root certificate only for the modes that verify, client certificates unless SSL is off
        ConnectionFormModel pg = newForm();
        assertThat(pg.field("sslMode").orElseThrow().valueProperty().get()).isEqualTo("prefer");
        assertThat(pg.field("sslRootCert").orElseThrow().shownProperty().get()).isFalse();
        assertThat(pg.field("sslCert").orElseThrow().shownProperty().get()).isTrue();
        set(pg, "sslMode", "verify-ca");
        assertThat(pg.field("sslRootCert").orElseThrow().shownProperty().get()).isTrue();
        set(pg, "sslMode", "disable");
        assertThat(pg.field("sslRootCert").orElseThrow().shownProperty().get()).isFalse();
        assertThat(pg.field("sslCert").orElseThrow().shownProperty().get()).isFalse();
        assertThat(pg.field("sslKey").orElseThrow().shownProperty().get()).isFalse();
    }

    @Test
    void savingShowsEveryProblemAndWritesNothing() {
        ConnectionFormModel form = newForm();
        AtomicReference<ExternalDatabaseConfig> saved = new AtomicReference<>();

        form.save(saved::set, (a, b) -> { });

        assertThat(saved.get()).isNull();
        assertThat(form.nameProblemProperty().get()).isEqualTo("'Name' must not be empty.");
        assertThat(problem(form, "database")).isEqualTo("'Database' is required.");
        assertThat(problem(form, "user")).isEqualTo("'User' is required.");
        assertThat(form.formProblemProperty().get()).startsWith("Nothing was saved");
        assertThat(catalog.list()).isEmpty();
    }

    @Test
    void aTypedPasswordGoesToTheKeychainAndTheStoreKeepsOnlyItsReference() throws Exception {
        ConnectionFormModel form = newForm();
        form.nameProperty().set("Warehouse");
        form.kindProperty().set(ConnectionKind.PRODUCTION);
        set(form, "host", "127.0.0.1");
        set(form, "database", "postgres");
        set(form, "user", "analyst");
        set(form, "password", PASSWORD);
        AtomicReference<ExternalDatabaseConfig> saved = new AtomicReference<>();

        form.save(saved::set, (a, b) -> { });

        assertThat(saved.get()).isNotNull();
        assertThat(saved.get().kind()).isEqualTo(ConnectionKind.PRODUCTION);
        assertThat(saved.get().secretRefs().get("password")).startsWith("keychain:");
        assertThat(keychain.entries()).containsValue(PASSWORD);
        assertThat(saved.get().toString()).doesNotContain(PASSWORD);
        List<String> stored = new ArrayList<>();
        try (Connection c = store.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT PARAM_VALUE FROM CONNECTION_PARAMETER UNION ALL SELECT REFERENCE FROM CONNECTION_SECRET_REF")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        assertThat(stored).isNotEmpty().noneMatch(v -> v.contains(PASSWORD));

        ConnectionFormModel edit = new ConnectionFormModel(registry, () -> catalog, workspace, tasks, saved.get());
        assertThat(edit.field("password").orElseThrow().savedSecretDescription()).startsWith("Saved in the system keychain");
        edit.nameProperty().set("Warehouse (EU)");
        AtomicReference<ExternalDatabaseConfig> updated = new AtomicReference<>();
        edit.save(updated::set, (a, b) -> { });
        assertThat(updated.get().secretRefs()).as("an empty password field keeps the saved one").isEqualTo(saved.get().secretRefs());
    }

    @Test
    void theMcpSettingsAreEditedInTheFormAndKeptByOtherEdits() {
        ConnectionFormModel form = newForm();
        form.nameProperty().set("Lake");
        set(form, "host", "127.0.0.1");
        set(form, "database", "postgres");
        set(form, "user", "analyst");
        assertThat(form.mcpVisibleProperty().get()).as("a new connection is hidden from MCP clients").isFalse();
        form.mcpWriteProperty().set(true);
        AtomicReference<ExternalDatabaseConfig> saved = new AtomicReference<>();
        form.save(saved::set, (a, b) -> { });
        assertThat(saved.get().mcp()).as("writes mean nothing while hidden").isEqualTo(McpAccess.NONE);

        ConnectionFormModel visible = new ConnectionFormModel(registry, () -> catalog, workspace, tasks, saved.get());
        visible.mcpVisibleProperty().set(true);
        visible.save(saved::set, (a, b) -> { });
        assertThat(catalog.list()).filteredOn(c -> c.name().equals("Lake")).singleElement()
                .satisfies(c -> assertThat(c.mcp()).isEqualTo(McpAccess.READ_ONLY));

        ConnectionFormModel rename = new ConnectionFormModel(registry, () -> catalog, workspace, tasks, saved.get());
        assertThat(rename.mcpVisibleProperty().get()).isTrue();
        rename.nameProperty().set("Lake (EU)");
        rename.save(saved::set, (a, b) -> { });
        assertThat(saved.get().mcp()).as("an edit of something else keeps the MCP settings").isEqualTo(McpAccess.READ_ONLY);
    }

    @Test
    void aSecretFromTheEnvironmentNeedsAVariableNameAndSaysWhenItIsNotSet() {
        ConnectionFormModel form = newForm();
        ConnectionFormModel.Field password = form.field("password").orElseThrow();
        password.placeProperty().set(ConnectionFormModel.SecretPlace.ENVIRONMENT);
        password.envNameProperty().set("1 bad");
        assertThat(password.problemProperty().get()).isEqualTo("'Password': '1 bad' is not an environment variable name.");
        password.envNameProperty().set("SEXTANT_SURELY_UNSET_VARIABLE");
        assertThat(password.problemProperty().get()).isNull();
        assertThat(password.hintProperty().get()).isEqualTo("The variable SEXTANT_SURELY_UNSET_VARIABLE is not set where Sextant runs now.");
    }

    @Test
    void aMissingKeychainIsSaidAndNewSecretsDefaultToTheSession() {
        keychain.missing("No Secret Service on this session bus.");
        ConnectionFormModel form = newForm();

        assertThat(form.keychainProperty().get().available()).isFalse();
        assertThat(form.keychainProperty().get().reason()).contains("No Secret Service");
        assertThat(form.field("password").orElseThrow().placeProperty().get()).isEqualTo(ConnectionFormModel.SecretPlace.SESSION);
    }

    @Test
    void theTestRunsOnTheFormsUnsavedValuesAndReportsEachStage() {
        String db = TestPostgres.newDatabase("form");
        ConnectionFormModel form = newForm();
        form.nameProperty().set("Local");
        set(form, "host", "127.0.0.1");
        set(form, "port", String.valueOf(TestPostgres.port()));
        set(form, "database", db);
        set(form, "user", "postgres");
        set(form, "sslMode", "disable");

        form.runTest();

        ConnectionTestModel test = form.test();
        assertThat(test.outcome()).isEqualTo(ConnectionTestModel.Outcome.PASSED);
        assertThat(test.stages()).extracting(TestStage::name).containsExactly("Resolve host name", "Open TCP connection",
                "Log in", "Read server details", "Measure latency");
        assertThat(test.reportProperty().get().summary()).containsEntry("User", "postgres").containsKey("Latency");
        assertThat(test.asText()).startsWith("Sextant connection test: Local (PostgreSQL)").contains("[ok]   Log in")
                .contains("Connection works.");
        assertThat(catalog.list()).as("a test saves nothing").isEmpty();

        set(form, "database", "no_such_database");
        form.runTest();
        assertThat(test.outcome()).isEqualTo(ConnectionTestModel.Outcome.FAILED);
        assertThat(test.stages().get(test.stages().size() - 1).message()).contains("'no_such_database' does not exist");
    }
}
