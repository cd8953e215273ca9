package dev.sextant.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.app.AppPaths;
import dev.sextant.app.Headless;
import dev.sextant.audit.AuditEntry;
import dev.sextant.audit.AuditLog;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.config.McpAccess;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.secret.SecretStore;
import dev.sextant.store.LocalStore;
import dev.sextant.testing.TestPostgres;
import dev.sextant.testing.TestSample;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sextant mcp} as a child process, spoken to over stdio as an LLM client would. */
class McpServerTest {

    @TempDir
    Path dir;

    @Test
    void aClientSeesOnlyMarkedConnectionsRunsCappedReadOnlyQueriesAndEveryCallIsAudited() throws Exception {
        AppPaths paths = TestSample.homeWithSample(dir);
        String database = TestPostgres.newDatabase("mcp");
        TestPostgres.execute(database, "CREATE TABLE notes (id serial PRIMARY KEY, body text)",
                "INSERT INTO notes (body) SELECT 'note ' || g FROM generate_series(1, 50) g");
        try (Headless setup = new Headless(paths, new SecretStore(new FakeKeychain()))) {
            ConnectionCatalog catalog = setup.catalog();
            ExternalDatabaseConfig sample = catalog.list().get(0);
            catalog.update(sample.withMcp(McpAccess.READ_ONLY));
            catalog.create(ExternalDatabaseConfig.create("Hidden", "h2", Map.of("path", "mem:hidden"), ConnectionKind.DEVELOPMENT));
            Map<String, String> pg = Map.of("host", "127.0.0.1", "port", String.valueOf(TestPostgres.port()), "database", database,
                    "user", "postgres", "sslMode", "disable");
            catalog.create(ExternalDatabaseConfig.create("Notes", "postgresql", pg, ConnectionKind.PRODUCTION).withMcp(McpAccess.READ_ONLY));
            catalog.create(ExternalDatabaseConfig.create("Notes (writable)", "postgresql", pg, ConnectionKind.DEVELOPMENT)
                    .withMcp(new McpAccess(true, true)));
        }

        int calls = 0;
        try (McpClient client = new McpClient(paths.home(), "--max-rows", "5", "--timeout", "2")) {
            JsonNode init = client.initialize();
            assertThat(init.path("serverInfo").path("name").asText()).isEqualTo("sextant");
            assertThat(init.path("capabilities").has("tools")).isTrue();

            List<String> tools = new ArrayList<>();
            client.request("tools/list", Map.of()).path("tools").forEach(t -> tools.add(t.path("name").asText()));
            assertThat(tools).containsExactlyInAnyOrder("list_connections", "describe_schema", "describe_object", "run_query");

            JsonNode listed = McpClient.json(client.call("list_connections", Map.of()));
            calls++;
            List<String> names = new ArrayList<>();
            listed.path("connections").forEach(c -> names.add(c.path("name").asText()));
            assertThat(names).containsExactlyInAnyOrder("Sample", "Notes", "Notes (writable)");
            assertThat(listed.toString()).doesNotContain("Hidden").doesNotContain("127.0.0.1").doesNotContain("secret");

            JsonNode hidden = client.call("run_query", Map.of("connection", "Hidden", "sql", "SELECT 1"));
            calls++;
            assertThat(hidden.path("isError").asBoolean()).isTrue();
            assertThat(McpClient.text(hidden)).contains("No connection named 'Hidden' is available");

            JsonNode insertH2 = client.call("run_query", Map.of("connection", "Sample", "sql", "INSERT INTO REGIONS (ID, NAME) VALUES (99, 'x')"));
            calls++;
            assertThat(insertH2.path("isError").asBoolean()).isTrue();
            assertThat(McpClient.text(insertH2)).contains("read-only for MCP clients");
            JsonNode insertPg = client.call("run_query", Map.of("connection", "Notes", "sql", "INSERT INTO notes (body) VALUES ('from a model')"));
            calls++;
            assertThat(insertPg.path("isError").asBoolean()).isTrue();
            assertThat(McpClient.text(insertPg)).contains("read-only for MCP clients").contains("read-only transaction");

            JsonNode capped = McpClient.json(client.call("run_query", Map.of("connection", "Notes", "sql", "SELECT * FROM notes ORDER BY id",
                    "max_rows", 50)));
            calls++;
            assertThat(capped.path("rows")).hasSize(5);
            assertThat(capped.path("truncated").asBoolean()).isTrue();
            assertThat(capped.path("rowCap").asInt()).isEqualTo(5);
            assertThat(capped.path("rows").get(0).get(1).asText()).isEqualTo("note 1");
            JsonNode fewer = McpClient.json(client.call("run_query", Map.of("connection", "Notes",
                    "sql", "SELECT body FROM notes WHERE id > ? ORDER BY id", "params", List.of(48), "max_rows", 2)));
            calls++;
            assertThat(fewer.path("rows").toString()).isEqualTo("[[\"note 49\"],[\"note 50\"]]");
            assertThat(fewer.path("truncated").asBoolean()).isFalse();

            JsonNode write = client.call("run_query", Map.of("connection", "Notes (writable)", "sql",
                    "INSERT INTO notes (body) VALUES (?)", "params", List.of("allowed")));
            calls++;
            assertThat(write.path("isError").asBoolean()).as(McpClient.text(write)).isFalse();
            assertThat(McpClient.json(write).path("updateCount").asInt()).isEqualTo(1);

            long start = System.nanoTime();
            JsonNode slow = client.call("run_query", Map.of("connection", "Notes", "sql", "SELECT pg_sleep(20)"));
            calls++;
            assertThat(slow.path("isError").asBoolean()).isTrue();
            assertThat(McpClient.text(slow)).contains("time limit of 2 seconds");
            assertThat((System.nanoTime() - start) / 1_000_000_000).as("cancelled on the server, not waited out").isLessThan(15);

            JsonNode schema = McpClient.json(client.call("describe_schema", Map.of("connection", "Sample", "schema", "PUBLIC")));
            calls++;
            assertThat(schema.path("tables").toString()).contains("CUSTOMERS").contains("ID BIGINT PK NOT NULL");
            JsonNode table = McpClient.json(client.call("describe_object", Map.of("connection", "Sample", "schema", "PUBLIC",
                    "object", "CUSTOMERS")));
            calls++;
            assertThat(table.path("comment").asText()).isEqualTo("People and companies who order from the shop");
            assertThat(table.path("foreignKeys").get(0).path("referencedTable").asText()).isEqualTo("REGIONS");

            List<String> uris = new ArrayList<>();
            client.request("resources/list", Map.of()).path("resources").forEach(r -> uris.add(r.path("uri").asText()));
            assertThat(uris).contains("sextant://schema/Sample", "sextant://schema/Notes%20%28writable%29").hasSize(3);
            JsonNode read = client.request("resources/read", Map.of("uri", "sextant://schema/Notes/public"));
            calls++;
            assertThat(read.path("contents").get(0).path("text").asText()).contains("\"notes\"");

            // the audit log, read by another process while the server still runs
            try (LocalStore store = LocalStore.open(paths.store())) {
                List<AuditEntry> entries = new AuditLog(store).recent(100);
                assertThat(entries).hasSize(calls);
                assertThat(entries).allSatisfy(e -> assertThat(e.client()).isEqualTo("sextant-test 1.0"));
                assertThat(entries).filteredOn(e -> e.outcome() == AuditEntry.Outcome.REFUSED).extracting(AuditEntry::request)
                        .contains("SELECT 1", "INSERT INTO REGIONS (ID, NAME) VALUES (99, 'x')", "SELECT pg_sleep(20)");
                assertThat(entries).filteredOn(e -> e.request().equals("SELECT * FROM notes ORDER BY id")).singleElement()
                        .satisfies(e -> {
                            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.OK);
                            assertThat(e.rowCount()).isEqualTo(5L);
                            assertThat(e.connection()).isEqualTo("Notes");
                        });
            }
            assertThat(client.stdoutLines()).allSatisfy(line -> assertThat(line).startsWith("{\"jsonrpc\":\"2.0\""));
        }

        try (Connection c = TestPostgres.server().getDatabase("postgres", database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(body, ',') FROM notes WHERE id > 50")) {
            rs.next();
            assertThat(rs.getString(1)).as("only the writable connection changed data").isEqualTo("allowed");
        }
    }

    @Test
    void requestsSentJustBeforeTheClientClosesItsEndAreAllAnswered() throws Exception {
        String requests = String.join("\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"script\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_connections\",\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}") + "\n";
        // stdin gets the four lines and is closed at once, as when a script pipes them in
        dev.sextant.testing.SextantProcess.Result run = dev.sextant.testing.SextantProcess.run(
                TestSample.homeWithSample(dir).home(), requests, "mcp");

        assertThat(run.exitCode()).as(run.all()).isZero();
        List<Integer> answered = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            JsonNode message = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            assertThat(message.has("error")).as(line).isFalse();
            answered.add(message.path("id").asInt());
        }
        assertThat(answered).containsExactlyInAnyOrder(1, 2, 3);
    }
}
