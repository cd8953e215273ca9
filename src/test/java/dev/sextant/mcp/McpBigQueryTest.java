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
import dev.sextant.testing.BigQueryFixture;
import dev.sextant.testing.BigQueryStandIn;
import dev.sextant.testing.ServiceAccountKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP query rules on the real BigQuery connector, run against the local BigQuery stand-in: every
 * statement is dry-run first, and one above the connection's bytes cap, or one that is not a query on a
 * read-only connection, is refused without a job that would cost anything.
 */
class McpBigQueryTest {

    @TempDir
    Path dir;
    private BigQueryStandIn standIn;
    private LocalStore store;
    private Workspace workspace;
    private McpTools tools;

    @BeforeEach
    void setUp() throws IOException {
        standIn = new BigQueryStandIn(new BigQueryFixture());
        ServiceAccountKey key = ServiceAccountKey.create(standIn, "mcp-runner");
        Path keyFile = Files.writeString(dir.resolve("key.json"), key.json());
        store = LocalStore.open(dir.resolve("store"));
        ConnectorRegistry registry = ConnectorRegistry.loadInstalled();
        ConfigValidator validator = new ConfigValidator(registry);
        SecretStore secrets = new SecretStore(new FakeKeychain());
        ConnectionCatalog catalog = new ConnectionCatalog(new ConfigRepository(store, validator), secrets, validator);
        workspace = new Workspace(registry, secrets, dir.resolve("tmp"));
        tools = new McpTools(catalog, workspace, new AuditLog(store), new McpSettings(100, Duration.ofSeconds(20), "test"));
        catalog.create(ExternalDatabaseConfig.create("Lake", "bigquery", Map.of("projectId", BigQueryStandIn.PROJECT,
                "endpoint", standIn.url(), "authentication", "service-account-key-file", "keyFile", keyFile.toString(),
                "maximumBytesBilled", "1 MB"), ConnectionKind.PRODUCTION).withMcp(McpAccess.READ_ONLY));
    }

    @AfterEach
    void tearDown() {
        tools.close();
        workspace.close();
        store.close();
        assertThat(standIn.problems()).isEmpty();
        standIn.close();
    }

    private BigQueryStandIn.Script orders() {
        return BigQueryStandIn.Script.rows(standIn.fixture().table("shop", "orders").orElseThrow().fields(),
                standIn.fixture().table("shop", "orders").orElseThrow().rows());
    }

    private List<BigQueryStandIn.Request> jobsThatRan() {
        List<BigQueryStandIn.Request> ran = new java.util.ArrayList<>(standIn.requests("POST", ".*/queries"));
        standIn.requests("POST", ".*/jobs").stream()
                .filter(r -> !r.body().path("configuration").path("dryRun").asBoolean(false)).forEach(ran::add);
        return ran;
    }

    @Test
    void aQueryAboveTheBytesCapIsRefusedAfterItsDryRunAndNeverRuns() {
        standIn.script("SELECT * FROM shop.orders", orders().bytes(5_000_000, 5_242_880));

        ToolResult refused = tools.runQuery("desktop-client", "Lake", "SELECT * FROM shop.orders", List.of(), null);

        assertThat(refused.outcome()).as(refused.text()).isEqualTo(AuditEntry.Outcome.REFUSED);
        assertThat(refused.text()).contains("would process 5000000 bytes", "1048576");
        assertThat(standIn.requests("POST", ".*/jobs"))
                .anySatisfy(r -> assertThat(r.body().path("configuration").path("dryRun").asBoolean()).isTrue());
        assertThat(jobsThatRan()).as("no job that bills").isEmpty();
        assertThat(new AuditLog(store).recent(1).get(0).outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
    }

    @Test
    void aDeleteIsRefusedOnAReadOnlyConnectionWithoutRunning() {
        standIn.script("DELETE FROM shop.orders WHERE true", BigQueryStandIn.Script.dml("DELETE", 450).bytes(100, 100));

        ToolResult refused = tools.runQuery("desktop-client", "Lake", "DELETE FROM shop.orders WHERE true", List.of(), null);

        assertThat(refused.outcome()).as(refused.text()).isEqualTo(AuditEntry.Outcome.REFUSED);
        assertThat(refused.text()).contains("read-only", "DELETE");
        assertThat(jobsThatRan()).as("the DELETE never ran").isEmpty();
    }

    @Test
    void aQueryUnderTheCapRunsAndStopsAtTheRowCap() {
        standIn.script("SELECT * FROM shop.orders", orders().bytes(40_000, 40_000));

        ToolResult ran = tools.runQuery("desktop-client", "Lake", "SELECT * FROM shop.orders", List.of(), null);

        assertThat(ran.outcome()).as(ran.text()).isEqualTo(AuditEntry.Outcome.OK);
        assertThat(ran.text()).contains("\"truncated\":true", "\"rowCap\":100", "\"Customer 1\"");
        assertThat(jobsThatRan()).hasSize(1).allSatisfy(r ->
                assertThat(r.body().path("maximumBytesBilled").asText()).isEqualTo("1048576"));
        assertThat(new AuditLog(store).recent(1).get(0).rowCount()).isEqualTo(100L);
    }
}
