package dev.sextant.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.audit.AuditEntry;
import dev.sextant.audit.AuditLog;
import dev.sextant.config.ConfigRepository;
import dev.sextant.config.ConfigValidator;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.config.McpAccess;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.Workspace;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.secret.SecretStore;
import dev.sextant.store.LocalStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP query rules for databases that can estimate a statement before running it (BigQuery's dry run):
 * the estimate comes first, and a statement above the connection's bytes cap, or one that changes data on
 * a read-only connection, never reaches the database.
 */
class McpEstimateTest {

    @TempDir
    Path dir;
    private LocalStore store;
    private McpTools tools;
    private ConnectionCatalog catalog;
    private Workspace workspace;
    private final String database = "mem:lake-" + System.nanoTime();

    @BeforeEach
    void setUp() {
        store = LocalStore.open(dir);
        ConnectorRegistry installed = ConnectorRegistry.loadInstalled();
        ConnectorRegistry registry = new ConnectorRegistry(List.of(installed.provider("h2"), new EstimatingConnector.Provider()));
        ConfigValidator validator = new ConfigValidator(registry);
        SecretStore secrets = new SecretStore(new FakeKeychain());
        catalog = new ConnectionCatalog(new ConfigRepository(store, validator), secrets, validator);
        workspace = new Workspace(registry, secrets, dir.resolve("tmp"));
        tools = new McpTools(catalog, workspace, new AuditLog(store), new McpSettings(100, Duration.ofSeconds(10), "test"));
        ExternalDatabaseConfig setup = catalog.create(ExternalDatabaseConfig.create("Setup", "h2",
                Map.of("path", database), ConnectionKind.DEVELOPMENT).withMcp(new McpAccess(true, true)));
        assertThat(tools.runQuery("test", "Setup", "CREATE TABLE t (id INT)", List.of(), null).isError()).isFalse();
        tools.runQuery("test", "Setup", "INSERT INTO t VALUES (1), (2), (3)", List.of(), null);
        catalog.delete(setup.id());
    }

    @AfterEach
    void tearDown() {
        tools.close();
        workspace.close();
        store.close();
    }

    @Test
    void aTextOfSeveralStatementsIsRefusedBeforeAnyRuns() {
        catalog.create(ExternalDatabaseConfig.create("Scratch", "h2", Map.of("path", database), ConnectionKind.DEVELOPMENT)
                .withMcp(new McpAccess(true, true)));

        ToolResult refused = tools.runQuery("test", "Scratch", "INSERT INTO t VALUES (4); SELECT COUNT(*) FROM t", List.of(), null);

        assertThat(refused.isError()).isTrue();
        assertThat(refused.text()).contains("run_query runs one statement, and this text holds 2");
        assertThat(rows()).as("the INSERT did not run").isEqualTo(3);
        assertThat(tools.runQuery("test", "Scratch", "SELECT ';' AS semicolon;", List.of(), null).isError())
                .as("one statement with a trailing semicolon").isFalse();
    }

    /** @param cap the bytes cap, or -1 for none */
    private void lake(String name, long bytes, long cap, McpAccess access) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("path", database, "bytes", String.valueOf(bytes)));
        if (cap >= 0) {
            settings.put("bytesCap", String.valueOf(cap));
        }
        catalog.create(ExternalDatabaseConfig.create(name, EstimatingConnector.TYPE, settings, ConnectionKind.PRODUCTION)
                .withMcp(access));
    }

    private long rows() {
        lake("Counter", 0, -1, McpAccess.READ_ONLY);
        ToolResult count = tools.runQuery("test", "Counter", "SELECT COUNT(*) FROM t", List.of(), null);
        catalog.delete(catalog.list().stream().filter(c -> c.name().equals("Counter")).findFirst().orElseThrow().id());
        return Long.parseLong(count.text().replaceAll(".*\"rows\":\\[\\[(\\d+)]].*", "$1"));
    }

    @Test
    void aQueryAboveTheBytesCapIsRefusedBeforeItRunsAndOneBelowRuns() {
        lake("Warehouse", 5_000_000, 1_000_000, McpAccess.READ_ONLY);
        lake("Small", 10, 1_000_000, McpAccess.READ_ONLY);

        ToolResult refused = tools.runQuery("desktop-client", "Warehouse", "SELECT * FROM t", List.of(), null);
        assertThat(refused.outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
        assertThat(refused.text()).contains("would process 5000000 bytes, more than the 1000000 bytes that connection 'Warehouse' allows");

        ToolResult ran = tools.runQuery("desktop-client", "Small", "SELECT * FROM t ORDER BY id", List.of(), null);
        assertThat(ran.outcome()).isEqualTo(AuditEntry.Outcome.OK);
        assertThat(ran.text()).contains("\"rows\":[[1],[2],[3]]");

        List<AuditEntry> log = new AuditLog(store).recent(2);
        assertThat(log.get(1).outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
        assertThat(log.get(1).message()).contains("would process 5000000 bytes");
        assertThat(log.get(0).rowCount()).isEqualTo(3L);
    }

    @Test
    void aStatementThatChangesDataIsRefusedOnAReadOnlyConnectionBeforeItReachesTheDatabase() {
        lake("Lake", 10, -1, McpAccess.READ_ONLY);
        // the in-memory H2 under this connector takes writes even in a read-only session, so a refusal
        // here can only come from the estimate
        ToolResult refused = tools.runQuery("desktop-client", "Lake", "DELETE FROM t", List.of(), null);
        assertThat(refused.outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
        assertThat(refused.text()).contains("is read-only for MCP clients, and this is a DELETE statement");
        assertThat(rows()).isEqualTo(3);

        lake("Lake (writable)", 10, -1, new McpAccess(true, true));
        ToolResult allowed = tools.runQuery("desktop-client", "Lake (writable)", "DELETE FROM t WHERE id = ?", List.of(3), null);
        assertThat(allowed.outcome()).as(allowed.text()).isEqualTo(AuditEntry.Outcome.OK);
        assertThat(allowed.text()).isEqualTo("{\"updateCount\":1}");
        assertThat(rows()).isEqualTo(2);
    }
}
