package dev.sextant.connector.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.Nullability;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import dev.sextant.connector.ValueKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 connector against a real in-memory H2 database. */
class H2ConnectorTest {

    private final ConnectorRegistry registry = ConnectorRegistry.loadInstalled();
    private BaseDBConnector connector;

    @BeforeEach
    void connect() {
        connector = memory("t" + UUID.randomUUID().toString().replace("-", ""));
        connector.connect();
        connector.executeSqlStatement("CREATE TABLE PEOPLE (ID INT PRIMARY KEY, NAME VARCHAR(40), BORN DATE, "
                + "SCORE NUMERIC(30, 10), ACTIVE BOOLEAN, PHOTO VARBINARY(8), SEEN TIMESTAMP WITH TIME ZONE, "
                + "UPDATED TIMESTAMP, TAGS VARCHAR(10) ARRAY, NOTE VARCHAR(20))", null, null);
        connector.executeSqlStatement("INSERT INTO PEOPLE VALUES "
                + "(1, 'Ada', DATE '1815-12-10', 12345678901234567890.0123456789, TRUE, X'CAFE', "
                + "TIMESTAMP WITH TIME ZONE '2024-03-01 10:15:30+02:00', TIMESTAMP '2024-03-01 10:15:30.5', ARRAY['a', 'b'], NULL), "
                + "(2, 'Grace', DATE '1906-12-09', 1.5, FALSE, NULL, NULL, NULL, NULL, 'NULL'), "
                + "(3, 'Linus', NULL, NULL, NULL, NULL, NULL, NULL, ARRAY[], 'x')", null, null);
    }

    @AfterEach
    void disconnect() {
        connector.disconnect();
    }

    private BaseDBConnector memory(String name) {
        return registry.create("h2", ConnectionParameters.of(Map.of("path", "mem:" + name)));
    }

    @Test
    void executeReturnsRowsAsMapsInColumnOrderWithParameters() {
        List<Map<String, Object>> rows = connector.executeSqlStatement(
                "SELECT NAME, ID, BORN FROM PEOPLE WHERE ID >= ? AND NAME <> ? ORDER BY ID", List.of(1, "Grace"), null);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).keySet()).containsExactly("NAME", "ID", "BORN");
        assertThat(rows.get(0)).containsEntry("NAME", "Ada").containsEntry("ID", 1)
                .containsEntry("BORN", LocalDate.of(1815, 12, 10));
        assertThat(rows.get(1)).containsEntry("NAME", "Linus").containsEntry("BORN", null);
    }

    @Test
    void maxRowsCapsTheResult() {
        assertThat(connector.executeSqlStatement("SELECT X FROM SYSTEM_RANGE(1, 5000)", List.of(), 7)).hasSize(7);
        assertThat(connector.executeSqlStatement("SELECT X FROM SYSTEM_RANGE(1, 5000)", List.of(), 0)).isEmpty();
        assertThat(connector.executeSqlStatement("SELECT X FROM SYSTEM_RANGE(1, 2500)", null, null)).hasSize(2500);
    }

    @Test
    void repeatedColumnLabelsKeepEveryValue() {
        Map<String, Object> row = connector.executeSqlStatement("SELECT 1 AS A, 2 AS A", List.of(), null).get(0);

        assertThat(row).containsExactly(Map.entry("A", 1), Map.entry("A_2", 2));
    }

    @Test
    void statementsWithoutRowsReportTheirUpdateCount() {
        List<Map<String, Object>> result = connector.executeSqlStatement("UPDATE PEOPLE SET NOTE = 'y' WHERE ID > 1", null, null);

        assertThat(result).containsExactly(Map.of(BaseDBConnector.UPDATE_COUNT_KEY, 2L));
    }

    @Test
    void valuesKeepTheirMeaningAndNullDiffersFromTheTextNull() {
        try (ResultCursor cursor = connector.openCursor("SELECT * FROM PEOPLE ORDER BY ID", List.of(), 10)) {
            List<ColumnInfo> cols = cursor.columns();
            assertThat(cols).extracting(ColumnInfo::kind).containsExactly(ValueKind.INTEGER, ValueKind.TEXT,
                    ValueKind.DATE, ValueKind.DECIMAL, ValueKind.BOOLEAN, ValueKind.BINARY, ValueKind.TIMESTAMP_TZ,
                    ValueKind.TIMESTAMP, ValueKind.ARRAY, ValueKind.TEXT);
            assertThat(cols.get(0).nullability()).isEqualTo(Nullability.NOT_NULL);
            assertThat(cols.get(1).nullability()).isEqualTo(Nullability.NULLABLE);
            assertThat(cols.get(3).databaseType()).isEqualTo("NUMERIC");

            List<Object[]> rows = cursor.nextPage(10).rows();
            Object[] ada = rows.get(0);
            assertThat(ada[3]).isEqualTo(new BigDecimal("12345678901234567890.0123456789"));
            assertThat(ada[4]).isEqualTo(true);
            assertThat((byte[]) ada[5]).containsExactly(0xCA, 0xFE);
            assertThat(ada[6]).isEqualTo(OffsetDateTime.of(2024, 3, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2)));
            assertThat(ada[7]).isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 15, 30, 500_000_000));
            assertThat(ada[8]).isEqualTo(List.of("a", "b"));
            assertThat(ada[9]).isNull();
            assertThat(rows.get(1)[9]).isEqualTo("NULL");
            assertThat(rows.get(2)[8]).isEqualTo(List.of());
        }
    }

    @Test
    void theCursorHandsOutPagesToTheLastOneAndSaysWhenNoRowsRemain() {
        try (ResultCursor cursor = connector.openCursor("SELECT X FROM SYSTEM_RANGE(1, 1000) ORDER BY X", List.of(), 300)) {
            assertThat(cursor.isResultSet()).isTrue();
            List<Integer> sizes = new ArrayList<>();
            long expectedFirst = 0;
            ResultPage page;
            do {
                page = cursor.nextPage(300);
                assertThat(page.firstRow()).isEqualTo(expectedFirst);
                assertThat(((Number) page.rows().get(0)[0]).longValue()).isEqualTo(expectedFirst + 1);
                expectedFirst += page.size();
                sizes.add(page.size());
            } while (page.hasMore());

            assertThat(sizes).containsExactly(300, 300, 300, 100);
            assertThat(cursor.hasMore()).isFalse();
            assertThat(cursor.nextPage(300).rows()).isEmpty();
        }
    }

    @Test
    void anExactMultipleOfThePageSizeEndsWithoutAnEmptyExtraPage() {
        try (ResultCursor cursor = connector.openCursor("SELECT X FROM SYSTEM_RANGE(1, 600)", List.of(), 300)) {
            assertThat(cursor.nextPage(300).hasMore()).isTrue();
            assertThat(cursor.nextPage(300).hasMore()).isFalse();
        }
    }

    @Test
    void theFirstPageOfAHugeResultArrivesWithoutReadingTheRest() {
        long start = System.nanoTime();
        try (ResultCursor cursor = connector.openCursor(
                "SELECT A.X * 1000000 + B.X AS N FROM SYSTEM_RANGE(1, 1000000) A, SYSTEM_RANGE(1, 1000000) B", List.of(), 200)) {
            ResultPage page = cursor.nextPage(200);
            assertThat(page.rows()).hasSize(200);
            assertThat(page.hasMore()).isTrue();
        }
        // 10^12 rows cannot have been read; anything that tried would not finish at all.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void cancelStopsALongRunningQueryFromAnotherThread() throws Exception {
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> connector.executeSqlStatement(
                "SELECT SUM(A.X * B.X) FROM SYSTEM_RANGE(1, 100000) A, SYSTEM_RANGE(1, 100000) B", List.of(), null));
        Thread.sleep(500);
        assertThat(running).isNotDone();

        connector.cancel();

        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ConnectorException.class)
                .cause().satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(ErrorKind.CANCELLED));
        // the connection stays usable
        assertThat(connector.executeSqlStatement("SELECT COUNT(*) AS N FROM PEOPLE", null, null).get(0)).containsEntry("N", 3L);
    }

    @Test
    void cancelOfACursorStopsReadingPages() {
        try (ResultCursor cursor = connector.openCursor("SELECT X FROM SYSTEM_RANGE(1, 100000000)", List.of(), 100)) {
            cursor.nextPage(100);
            cursor.cancel();
            assertThatThrownBy(() -> cursor.nextPage(100))
                    .isInstanceOf(ConnectorException.class)
                    .satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(ErrorKind.CANCELLED));
        }
    }

    @Test
    void aSyntaxErrorCarriesTheDatabaseMessageAndThePosition() {
        String sql = "SELECT ID, NAME FROM PEOPLE WHER ID = 1";

        assertThatThrownBy(() -> connector.executeSqlStatement(sql, null, null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.SYNTAX);
                    assertThat(e.getMessage()).startsWith("Syntax error in SQL statement").doesNotContain("[42");
                    assertThat(e.position()).isPresent();
                    assertThat(sql.substring(e.position().get())).startsWith("ID = 1");
                });
    }

    @Test
    void aPositionInAMultiLineStatementIsAnOffsetIntoTheOriginalText() {
        String sql = "SELECT ID,\n\tNAME\nFROM PEOPLE\nWHER ID = 1";

        assertThatThrownBy(() -> connector.executeSqlStatement(sql, null, null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.position()).contains(sql.indexOf("ID = 1"));
                    assertThat(e.getMessage()).doesNotContain("\\000a").contains("\nFROM PEOPLE");
                });
    }

    @Test
    void anUnknownColumnPointsAtTheColumn() {
        String sql = "SELECT ID,\n       SHOE_SIZE FROM PEOPLE";

        assertThatThrownBy(() -> connector.executeSqlStatement(sql, null, null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.getMessage()).contains("SHOE_SIZE");
                    assertThat(e.position()).contains(sql.indexOf("SHOE_SIZE"));
                });
    }

    @Test
    void dataErrorsOfTheStatementAreSqlErrorsNotUnexpectedOnes() {
        // a division by zero (22012), a bad date (22007), a duplicate key (23505), a NOT NULL column (23502), a bad number (22018)
        for (String sql : List.of("SELECT 1/0", "SELECT CAST('2024-02-30' AS DATE)", "INSERT INTO PEOPLE (ID, NAME) VALUES (1, 'again')",
                "INSERT INTO PEOPLE (ID, NAME) VALUES (NULL, 'x')", "SELECT CAST('x' AS INT)")) {
            assertThatThrownBy(() -> connector.executeSqlStatement(sql, null, null)).as(sql)
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).as(sql + ": " + e.getMessage())
                            .isEqualTo(ErrorKind.SYNTAX));
        }
    }

    @Test
    void anUnknownTableIsNotFoundWithItsPosition() {
        String sql = "select * from missing_table";

        assertThatThrownBy(() -> connector.executeSqlStatement(sql, null, null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.position()).contains(sql.indexOf("missing_table"));
                });
    }

    @Test
    void aMissingDatabaseFileIsReportedAndNotCreated(@TempDir Path dir) {
        Path wanted = dir.resolve("nothing-here");
        BaseDBConnector c = registry.create("h2", ConnectionParameters.of(Map.of("path", wanted.toString())));

        assertThatThrownBy(c::connect).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
            assertThat(e.getMessage()).contains("nothing-here.mv.db").contains("Database file");
        });
        assertThat(Files.exists(Path.of(wanted + ".mv.db"))).isFalse();
    }

    @Test
    void theConnectionTestReportsEachStageAndAServerSummary() {
        ConnectionTestReport report = connector.testConnection();

        assertThat(report.passed()).isTrue();
        assertThat(report.stages()).extracting(s -> s.name())
                .containsExactly("Open database", "Run a query", "Read server details");
        assertThat(report.summary().get("Server version")).startsWith("H2 2.");
        assertThat(report.summary()).containsKeys("User", "Read-only", "Latency");
        assertThat(report.asText()).contains("[ok]").contains("Connection works.");
    }

    @Test
    void aFailedConnectionTestSaysWhichStageFailed(@TempDir Path dir) {
        BaseDBConnector c = registry.create("h2", ConnectionParameters.of(Map.of("path", dir.resolve("gone").toString())));

        ConnectionTestReport report = c.testConnection();

        assertThat(report.passed()).isFalse();
        assertThat(report.stages()).hasSize(1);
        assertThat(report.stages().get(0).passed()).isFalse();
        assertThat(report.asText()).contains("[FAIL] Open database").contains("Connection failed.");
    }

    @Test
    void theUrlNeverHoldsThePassword(@TempDir Path dir) {
        H2Connector c = (H2Connector) registry.create("h2", new ConnectionParameters(
                Map.of("path", dir.resolve("db").toString(), "create", "true"), Map.of("password", "s3cret-value"), false));

        assertThat(c.url()).doesNotContain("s3cret-value").startsWith("jdbc:h2:file:");
    }

    @Test
    void aReadOnlyConfigRefusesWritesWithAClearKind(@TempDir Path dir) {
        String path = dir.resolve("ro").toString();
        try (BaseDBConnector rw = registry.create("h2", ConnectionParameters.of(Map.of("path", path, "create", "true")))) {
            rw.connect();
            rw.executeSqlStatement("CREATE TABLE T (ID INT)", null, null);
        }
        try (BaseDBConnector ro = registry.create("h2", new ConnectionParameters(Map.of("path", path), Map.of(), true))) {
            ro.connect();
            assertThat(ro.executeSqlStatement("SELECT COUNT(*) AS N FROM T", null, null).get(0)).containsEntry("N", 0L);
            assertThatThrownBy(() -> ro.executeSqlStatement("INSERT INTO T VALUES (1)", null, null))
                    .isInstanceOfSatisfying(ConnectorException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY_VIOLATION));
        }
    }
}
