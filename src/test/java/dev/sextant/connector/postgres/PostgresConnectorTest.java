package dev.sextant.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import dev.sextant.connector.TestStage;
import dev.sextant.connector.ValueKind;
import dev.sextant.testing.TestPostgres;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL connector against a real PostgreSQL 17 server. */
class PostgresConnectorTest {

    private static final String PASSWORD = "Pg-Sentinel-5e1c";
    private static String database;
    private BaseDBConnector connector;

    @BeforeAll
    static void fixture() {
        database = TestPostgres.newDatabase("conn");
        TestPostgres.createPasswordUser("analyst", PASSWORD);
        TestPostgres.execute(database,
                "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE TABLE kinds (id int PRIMARY KEY, big bigint, exact numeric(30, 10), label text, at timestamptz, "
                        + "local_at timestamp, day date, flag boolean, raw bytea, uid uuid, doc json, docb jsonb, "
                        + "nums int[], words text[], span interval, feeling mood, addr inet, pt point, range int4range, note text)",
                "INSERT INTO kinds VALUES (1, 9007199254740993, 12345678901234567890.0123456789, 'héllo', "
                        + "'2024-03-01 10:15:30+02', '2024-03-01 10:15:30.5', '1815-12-10', true, '\\xcafe', "
                        + "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\": 1}', '{\"b\": [1, 2]}', '{1,2,3}', '{x,NULL}', "
                        + "'1 day 02:00:00', 'happy', '192.168.0.1/24', '(1,2)', '[1,10)', NULL)",
                "INSERT INTO kinds (id, note) VALUES (2, 'NULL')",
                "CREATE DOMAIN positive AS int CHECK (VALUE > 0)",
                "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%')",
                "CREATE TYPE pair AS (x int, label text)",
                "CREATE TABLE shaped (id int PRIMARY KEY, n positive, mail email, p pair, ps pair[], nested int[][])",
                "INSERT INTO shaped VALUES (1, 5, 'a@b.example', ROW(1, 'a b'), ARRAY[ROW(2, NULL)::pair, NULL], "
                        + "'{{1,2},{3,4}}'), (2, NULL, NULL, NULL, NULL, NULL)",
                "CREATE TABLE big AS SELECT g AS id, md5(g::text) AS hash FROM generate_series(1, 100000) g",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO analyst",
                "GRANT CREATE ON SCHEMA public TO analyst");
    }

    private static Map<String, String> settings() {
        Map<String, String> values = new HashMap<>();
        values.put("host", "127.0.0.1");
        values.put("port", String.valueOf(TestPostgres.port()));
        values.put("database", database);
        values.put("user", "analyst");
        values.put("sslMode", "disable");
        values.put("connectTimeout", "3");
        return values;
    }

    private static BaseDBConnector connector(Map<String, String> values, String password, boolean readOnly) {
        return ConnectorRegistry.loadInstalled().create("postgresql",
                new ConnectionParameters(values, password == null ? Map.of() : Map.of("password", password), readOnly));
    }

    @BeforeEach
    void connect() {
        connector = connector(settings(), PASSWORD, false);
        connector.connect();
    }

    @AfterEach
    void disconnect() {
        connector.disconnect();
    }

    @Test
    void executeReturnsRowsInColumnOrderWithParametersAndACap() {
        List<Map<String, Object>> rows = connector.executeSqlStatement(
                "SELECT label, id FROM kinds WHERE id >= ? ORDER BY id", List.of(1), null);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).keySet()).containsExactly("label", "id");
        assertThat(rows.get(0)).containsEntry("label", "héllo").containsEntry("id", 1);
        assertThat(connector.executeSqlStatement("SELECT * FROM big", null, 25)).hasSize(25);
    }

    @Test
    void valuesKeepTheirMeaning() {
        try (ResultCursor cursor = connector.openCursor("SELECT * FROM kinds ORDER BY id", List.of(), 10)) {
            List<ColumnInfo> cols = cursor.columns();
            Map<String, ValueKind> kinds = new HashMap<>();
            cols.forEach(c -> kinds.put(c.name(), c.kind()));
            assertThat(kinds).containsEntry("at", ValueKind.TIMESTAMP_TZ).containsEntry("local_at", ValueKind.TIMESTAMP)
                    .containsEntry("doc", ValueKind.JSON).containsEntry("docb", ValueKind.JSON)
                    .containsEntry("uid", ValueKind.UUID).containsEntry("nums", ValueKind.ARRAY)
                    .containsEntry("span", ValueKind.INTERVAL).containsEntry("raw", ValueKind.BINARY)
                    .containsEntry("exact", ValueKind.DECIMAL);
            Map<String, String> types = new HashMap<>();
            cols.forEach(c -> types.put(c.name(), c.databaseType()));
            assertThat(types).as("arrays by their declared name, not the catalogue's _int4")
                    .containsEntry("nums", "int4[]").containsEntry("words", "text[]").containsEntry("note", "text");
            List<Object[]> rows = cursor.nextPage(10).rows();
            Map<String, Object> first = new HashMap<>();
            for (int i = 0; i < cols.size(); i++) {
                first.put(cols.get(i).name(), rows.get(0)[i]);
            }
            assertThat(first.get("big")).isEqualTo(9007199254740993L);
            assertThat(first.get("exact")).isEqualTo(new BigDecimal("12345678901234567890.0123456789"));
            assertThat(((OffsetDateTime) first.get("at")).toInstant())
                    .isEqualTo(OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2)).toInstant());
            assertThat(first.get("local_at")).isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 15, 30, 500_000_000));
            assertThat(first.get("day")).isEqualTo(LocalDate.of(1815, 12, 10));
            assertThat(first.get("flag")).isEqualTo(true);
            assertThat((byte[]) first.get("raw")).containsExactly(0xCA, 0xFE);
            assertThat(first.get("uid")).isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
            assertThat(first.get("doc")).isEqualTo("{\"a\": 1}");
            assertThat(first.get("docb")).isEqualTo("{\"b\": [1, 2]}");
            assertThat(first.get("nums")).isEqualTo(List.of(1, 2, 3));
            assertThat(first.get("words")).isEqualTo(java.util.Arrays.asList("x", null));
            assertThat(first.get("span")).isEqualTo("1 day 02:00:00");
            assertThat(first.get("feeling")).isEqualTo("happy");
            assertThat(first.get("addr")).isEqualTo("192.168.0.1/24");
            assertThat(first.get("pt")).isEqualTo("(1,2)");
            assertThat(first.get("range")).isEqualTo("[1,10)");
            assertThat(first.get("note")).isNull();
            assertThat(rows.get(1)[cols.size() - 1]).isEqualTo("NULL");
        }
    }

    @Test
    void domainsAndCompositeValuesKeepTheirMeaning() {
        try (ResultCursor cursor = connector.openCursor("SELECT n, mail, p, ps, nested FROM shaped ORDER BY id",
                List.of(), 10)) {
            assertThat(cursor.columns()).extracting(ColumnInfo::name, ColumnInfo::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("n", ValueKind.INTEGER),
                    org.assertj.core.groups.Tuple.tuple("mail", ValueKind.TEXT),
                    org.assertj.core.groups.Tuple.tuple("p", ValueKind.STRUCT),
                    org.assertj.core.groups.Tuple.tuple("ps", ValueKind.ARRAY),
                    org.assertj.core.groups.Tuple.tuple("nested", ValueKind.ARRAY));
            List<Object[]> rows = cursor.nextPage(10).rows();
            // a domain is its base type; a composite keeps the server's own text form, quotes and empty fields included
            assertThat(rows.get(0)).containsExactly(5, "a@b.example", "(1,\"a b\")",
                    java.util.Arrays.asList("(2,)", null), List.of(List.of(1, 2), List.of(3, 4)));
            assertThat(rows.get(1)).containsOnlyNulls();
        }
    }

    @Test
    void pagesThroughAHundredThousandRowsToTheEnd() {
        try (ResultCursor cursor = connector.openCursor("SELECT id, hash FROM big ORDER BY id", List.of(), 1000)) {
            long total = 0;
            ResultPage page;
            do {
                page = cursor.nextPage(1000);
                assertThat(page.firstRow()).isEqualTo(total);
                total += page.size();
            } while (page.hasMore());
            assertThat(total).isEqualTo(100_000);
            assertThat(page.rows().get(page.size() - 1)[0]).isEqualTo(100_000);
        }
        // the cursor's transaction ended: the session is back in autocommit and usable
        assertThat(connector.executeSqlStatement("SELECT count(*) AS n FROM big", null, null).get(0)).containsEntry("n", 100_000L);
    }

    @Test
    void statementsWithoutRowsReportTheirCountAndAreCommitted() {
        connector.executeSqlStatement("CREATE TABLE IF NOT EXISTS scratch (x int)", null, null);
        List<Map<String, Object>> result = connector.executeSqlStatement("INSERT INTO scratch SELECT generate_series(1, 3)", null, null);

        assertThat(result).containsExactly(Map.of(BaseDBConnector.UPDATE_COUNT_KEY, 3L));
        try (BaseDBConnector other = connector(settings(), PASSWORD, false)) {
            other.connect();
            assertThat(other.executeSqlStatement("SELECT count(*) AS n FROM scratch", null, null).get(0).get("n"))
                    .isEqualTo(3L);
        }
        connector.executeSqlStatement("DROP TABLE scratch", null, null);
    }

    @Test
    void cancelStopsTheStatementOnTheServerWithinTwoSeconds() throws Exception {
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() ->
                connector.executeSqlStatement("SELECT pg_sleep(30), 'cancel-me' AS tag", null, null));
        Thread.sleep(700);
        assertThat(activeSleeps()).isEqualTo(1);

        long cancelled = System.nanoTime();
        connector.cancel();

        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CANCELLED));
        while (activeSleeps() > 0 && System.nanoTime() - cancelled < TimeUnit.SECONDS.toNanos(2)) {
            Thread.sleep(50);
        }
        assertThat(activeSleeps()).as("backends still running the statement 2 s after cancel").isZero();
        assertThat(connector.executeSqlStatement("SELECT 1 AS one", null, null).get(0)).containsEntry("one", 1);
    }

    private static long activeSleeps() {
        try (BaseDBConnector admin = connector(settings(), PASSWORD, false)) {
            admin.connect();
            return (Long) admin.executeSqlStatement("SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'active' "
                    + "AND query LIKE '%cancel-me%' AND pid <> pg_backend_pid()", null, null).get(0).get("n");
        }
    }

    @Test
    void aReadOnlyConfigCannotBeTalkedOutOfItsReadOnlyTransactions() {
        TestPostgres.execute(database, "CREATE TABLE guarded (x int)", "GRANT ALL ON guarded TO analyst");
        List<List<String>> attempts = List.of(
                List.of("SET TRANSACTION READ WRITE; INSERT INTO guarded VALUES (1)"),
                List.of("SET transaction_read_only = off; INSERT INTO guarded VALUES (2)"),
                List.of("BEGIN READ WRITE; INSERT INTO guarded VALUES (3); COMMIT"),
                List.of("COMMIT; BEGIN READ WRITE; INSERT INTO guarded VALUES (4); COMMIT"),
                List.of("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", "INSERT INTO guarded VALUES (5)"),
                List.of("SET default_transaction_read_only = off", "INSERT INTO guarded VALUES (6)"),
                List.of("SET TRANSACTION READ WRITE", "INSERT INTO guarded VALUES (7)"));
        for (List<String> attempt : attempts) {
            try (BaseDBConnector readOnly = connector(settings(), PASSWORD, true)) {
                readOnly.connect();
                String last = attempt.get(attempt.size() - 1);
                for (String sql : attempt.subList(0, attempt.size() - 1)) {
                    readOnly.executeSqlStatement(sql, null, null);
                }
                assertThatThrownBy(() -> readOnly.executeSqlStatement(last, null, null)).as(attempt.toString())
                        .isInstanceOfSatisfying(ConnectorException.class, e -> {
                            assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY_VIOLATION);
                            assertThat(e.getMessage()).startsWith("This connection is read-only");
                        });
            }
        }
        assertThat(connector.executeSqlStatement("SELECT count(*) AS n FROM guarded", null, null).get(0))
                .containsEntry("n", 0L);
    }

    @Test
    void aReadOnlyConfigIsRefusedWritesByTheServer() {
        try (BaseDBConnector readOnly = connector(settings(), PASSWORD, true)) {
            readOnly.connect();
            assertThat(readOnly.executeSqlStatement("SELECT count(*) AS n FROM kinds", null, null).get(0)).containsEntry("n", 2L);
            for (String write : List.of("CREATE TABLE nope (x int)", "WITH x AS (SELECT 1) INSERT INTO kinds (id) SELECT 3",
                    "select 1; delete from kinds")) {
                assertThatThrownBy(() -> readOnly.executeSqlStatement(write, null, null))
                        .isInstanceOfSatisfying(ConnectorException.class, e -> {
                            assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY_VIOLATION);
                            assertThat(e.getMessage()).startsWith("This connection is read-only");
                        });
            }
        }
        assertThat(connector.executeSqlStatement("SELECT count(*) AS n FROM kinds", null, null).get(0)).containsEntry("n", 2L);
    }

    @Test
    void aSyntaxErrorCarriesTheServerPosition() {
        String sql = "SELECT id\nFORM kinds";

        assertThatThrownBy(() -> connector.executeSqlStatement(sql, null, null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.SYNTAX);
                    assertThat(e.getMessage()).contains("syntax error at or near \"kinds\"");
                    assertThat(e.position()).contains(sql.indexOf("kinds"));
                });
        assertThatThrownBy(() -> connector.executeSqlStatement("SELECT nothing_here FROM kinds", null, null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.position()).contains(7);
                });
        // the failed transaction was rolled back: the session still works
        assertThat(connector.executeSqlStatement("SELECT 2 AS two", null, null).get(0)).containsEntry("two", 2);
    }

    @Test
    void systemSchemasAreListedOnlyOnRequest() {
        assertThat(connector.listSchemas()).extracting(s -> s.name()).contains("public").doesNotContain("pg_catalog",
                "information_schema");
        assertThat(connector.listSchemas(true)).extracting(s -> s.name()).contains("public", "pg_catalog", "information_schema");
    }

    @Test
    void aStatementTimeoutIsReportedAsATimeout() {
        Map<String, String> values = settings();
        values.put("statementTimeout", "1");
        try (BaseDBConnector limited = connector(values, PASSWORD, false)) {
            limited.connect();
            assertThatThrownBy(() -> limited.executeSqlStatement("SELECT pg_sleep(5)", null, null))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
                        assertThat(e.getMessage()).contains("statement timeout");
                    });
        }
    }

    @Test
    void aSessionKilledMidFetchGivesAClearErrorAndTheNextQueryReconnects() {
        ResultCursor cursor = connector.openCursor("SELECT id FROM big ORDER BY id", List.of(), 100);
        cursor.nextPage(100);
        Object pid = connector.executeSqlStatement("SELECT pg_backend_pid() AS pid", null, null).get(0).get("pid");
        TestPostgres.execute(database, "SELECT pg_terminate_backend(" + pid + ")");

        assertThatThrownBy(() -> {
            for (int i = 0; i < 2000; i++) {
                cursor.nextPage(100);
            }
        }).isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isIn(ErrorKind.NETWORK, ErrorKind.INTERNAL));
        cursor.close();

        assertThat(connector.executeSqlStatement("SELECT 3 AS three", null, null).get(0)).containsEntry("three", 3);
    }

    @Test
    void thePasswordIsNeverInTheUrlOrAnError() {
        PostgresConnector pg = (PostgresConnector) connector(settings(), PASSWORD, false);
        assertThat(pg.url()).doesNotContain(PASSWORD).isEqualTo("jdbc:postgresql://127.0.0.1:" + TestPostgres.port() + "/" + database);
        assertThat(pg.toString()).doesNotContain(PASSWORD);

        BaseDBConnector wrong = connector(settings(), PASSWORD + "-wrong", false);
        assertThatThrownBy(wrong::connect).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
            assertThat(e.getMessage()).doesNotContain(PASSWORD);
        });
    }

    @Test
    void theDiagnosticPassesEveryStageWithASummary() {
        ConnectionTestReport report = connector.testConnection();

        assertThat(report.passed()).isTrue();
        assertThat(report.stages()).extracting(TestStage::name).containsExactly("Resolve host name", "Open TCP connection",
                "Log in", "Read server details", "Measure latency");
        assertThat(report.summary().get("Server version")).startsWith("PostgreSQL 17.");
        assertThat(report.summary()).containsEntry("User", "analyst").containsEntry("Read-only", "no")
                .containsEntry("TLS", "not used").containsKey("Latency");
        assertThat(report.asText()).doesNotContain(PASSWORD);
    }

    @Test
    void theDiagnosticNamesEachFailure() throws Exception {
        assertFailsAt(connector(settings(), "nope", false).testConnection(), "Log in", "Wrong password for user 'analyst'");

        Map<String, String> missingDb = settings();
        missingDb.put("database", "no_such_db");
        assertFailsAt(connector(missingDb, PASSWORD, false).testConnection(), "Log in", "'no_such_db' does not exist");

        Map<String, String> unknownHost = settings();
        unknownHost.put("host", "no-such-host.invalid");
        assertFailsAt(connector(unknownHost, PASSWORD, false).testConnection(), "Resolve host name", "could not be resolved");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> closed = settings();
        closed.put("port", String.valueOf(closedPort));
        assertFailsAt(connector(closed, PASSWORD, false).testConnection(), "Open TCP connection", "refused the connection");

        // connecting outside the test: a connection that never was is not one that was lost
        BaseDBConnector refused = connector(closed, PASSWORD, false);
        assertThatThrownBy(refused::connect).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
            assertThat(e.getMessage()).startsWith("Sextant could not connect to the server")
                    .contains("refused").doesNotContain("was lost").doesNotContain("reconnects by itself");
        });
    }

    @Test
    void aPortThatAcceptsButNeverAnswersEndsWithinTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(20_000);
                } catch (Exception done) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Map<String, String> values = settings();
            values.put("port", String.valueOf(silent.getLocalPort()));
            values.put("connectTimeout", "2");

            long start = System.nanoTime();
            ConnectionTestReport report = connector(values, PASSWORD, false).testConnection();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertFailsAt(report, "Log in", "did not answer within the connect timeout");
            assertThat(took).isLessThan(Duration.ofSeconds(6));
        }
    }

    private static void assertFailsAt(ConnectionTestReport report, String stage, String message) {
        assertThat(report.passed()).isFalse();
        TestStage last = report.stages().get(report.stages().size() - 1);
        assertThat(last.name()).isEqualTo(stage);
        assertThat(last.passed()).isFalse();
        assertThat(last.message()).contains(message);
        assertThat(report.asText()).doesNotContain(PASSWORD);
    }
}
