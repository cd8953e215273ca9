package dev.sextant.connector.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.QueryEstimate;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import dev.sextant.connector.ValueKind;
import dev.sextant.testing.BigQueryFixture;
import dev.sextant.testing.BigQueryStandIn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real BigQuery client against the local stand-in: running, paging, waiting, dry runs, the cap, cancel. */
class BigQueryQueryTest extends StandInTestBase {

    @Test
    void aResultOfThreePagesIsReadPageByPageThroughPageTokens() {
        try (BigQueryConnector c = connect(); ResultCursor cursor = c.openCursor("SELECT * FROM shop.orders", List.of(), 200)) {
            assertThat(cursor.isResultSet()).isTrue();
            assertThat(cursor.columns()).extracting(ColumnInfo::name)
                    .containsExactly("order_id", "customer", "items", "tags", "total", "created");
            assertThat(cursor.columns()).extracting(ColumnInfo::databaseType).containsExactly("INT64",
                    "STRUCT<name STRING, address STRUCT<city STRING, zip STRING>>",
                    "ARRAY<STRUCT<sku STRING, qty INT64, price NUMERIC>>", "ARRAY<STRING>", "NUMERIC(12, 2)", "TIMESTAMP");
            assertThat(cursor.columns()).extracting(ColumnInfo::kind).containsExactly(ValueKind.INTEGER, ValueKind.STRUCT,
                    ValueKind.ARRAY, ValueKind.ARRAY, ValueKind.DECIMAL, ValueKind.TIMESTAMP_TZ);

            ResultPage first = cursor.nextPage(200);
            assertThat(first.rows()).hasSize(200);
            assertThat(first.hasMore()).isTrue();
            assertThat(standIn.requests("GET", ".*/data")).as("the first page came with jobs.query").isEmpty();

            Object[] row = first.rows().get(0);
            assertThat(row[0]).isEqualTo(1L);
            assertThat(row[1]).isEqualTo(Map.of("name", "Customer 1", "address", Map.of("city", "Porto", "zip", "01001")));
            assertThat(row[2]).isEqualTo(List.of(Map.of("sku", "SKU-11", "qty", 1L, "price", new BigDecimal("1.25")),
                    Map.of("sku", "SKU-12", "qty", 2L, "price", new BigDecimal("1.25"))));
            assertThat(row[3]).isEqualTo(List.of("web", "express"));
            assertThat(row[4]).isEqualTo(new BigDecimal("3.75"));
            assertThat(row[5]).isEqualTo(OffsetDateTime.parse("2024-03-01T09:15:30.123456Z"));
            assertThat(((Map<?, ?>) row[1]).keySet().toString()).as("struct fields keep their order").isEqualTo("[name, address]");

            ResultPage second = cursor.nextPage(200);
            assertThat(second.firstRow()).isEqualTo(200);
            assertThat(second.rows().get(0)[0]).isEqualTo(201L);
            ResultPage third = cursor.nextPage(200);
            assertThat(third.rows()).hasSize(50);
            assertThat(third.hasMore()).isFalse();
            assertThat(cursor.hasMore()).isFalse();
            // later pages are as large as BigQuery makes them (up to 10 MB): here the 250 rows after the first page
            assertThat(standIn.requests("GET", ".*/datasets/_anon/tables/anon_job_.*/data"))
                    .extracting(r -> r.query().get("pageToken")).containsExactly("page-200");
        }
    }

    @Test
    void aJobThatIsNotCompleteAtFirstIsWaitedForAndItsRowsReadFromItsDestinationTable() {
        standIn.script("SELECT * FROM shop.orders WHERE slow", BigQueryStandIn.Script.rows(
                standIn.fixture().table("shop", "orders").orElseThrow().fields(),
                standIn.fixture().table("shop", "orders").orElseThrow().rows()).pending(3));
        try (BigQueryConnector c = connect();
             ResultCursor cursor = c.openCursor("SELECT * FROM shop.orders WHERE slow", List.of(), 300)) {
            ResultPage first = cursor.nextPage(300);
            assertThat(first.rows()).hasSize(300);
            assertThat(first.rows().get(299)[0]).isEqualTo(300L);
            assertThat(cursor.nextPage(300).rows()).hasSize(150);
            assertThat(cursor.hasMore()).isFalse();
        }
        assertThat(standIn.requests("GET", ".*/queries/job_.*")).as("polled until done").hasSizeGreaterThanOrEqualTo(3);
        assertThat(standIn.requests("GET", ".*/datasets/_anon/tables/anon_job_.*/data"))
                .extracting(r -> r.query().get("pageToken")).containsExactly(null, "page-300");
    }

    @Test
    void theDryRunEstimatesBytesAndStatementTypeWithoutRunning() {
        standIn.script("DELETE FROM shop.orders WHERE true", BigQueryStandIn.Script.dml("DELETE", 450).bytes(1_234_567, 10_485_760));
        try (BigQueryConnector c = connect()) {
            QueryEstimate select = c.estimate("SELECT * FROM shop.orders", List.of()).orElseThrow();
            assertThat(select).isEqualTo(new QueryEstimate("SELECT", true, 1_234_567, -1));
            assertThat(select.exceedsCap()).isFalse();
            QueryEstimate delete = c.estimate("DELETE FROM shop.orders WHERE true", List.of()).orElseThrow();
            assertThat(delete.statementType()).isEqualTo("DELETE");
            assertThat(delete.query()).isFalse();
        }
        assertThat(standIn.requests("POST", ".*/jobs")).hasSize(2)
                .allSatisfy(r -> assertThat(r.body().path("configuration").path("dryRun").asBoolean()).isTrue());
        assertThat(standIn.requests("POST", ".*/queries")).as("nothing ran").isEmpty();
    }

    @Test
    void everyQueryCarriesTheCapAndOneAboveItFailsWithoutCost() {
        standIn.script("SELECT 1 AS one", BigQueryStandIn.Script.rows(BigQueryFixture.fields(
                BigQueryFixture.field("one", "INTEGER", "NULLABLE")), List.of(List.of("1"))).bytes(0, 0));
        try (BigQueryConnector c = connect(BigQueryConnectorProvider.MAX_BYTES_BILLED, "1 MB",
                BigQueryConnectorProvider.LABELS, "team=data, app=sextant")) {
            QueryEstimate estimate = c.estimate("SELECT * FROM shop.orders", List.of()).orElseThrow();
            assertThat(estimate.bytesCap()).isEqualTo(1_048_576);
            assertThat(estimate.exceedsCap()).isTrue();

            assertThat(c.executeSqlStatement("SELECT 1 AS one", null, null)).containsExactly(Map.of("one", 1L));
            assertThatThrownBy(() -> c.openCursor("SELECT * FROM shop.orders", List.of(), 100))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.QUOTA);
                        assertThat(e.getMessage()).contains("Query exceeded limit for bytes billed: 1048576",
                                "'Maximum bytes billed'", "nothing was billed");
                    });
        }
        assertThat(standIn.requests("POST", ".*/queries")).hasSize(2).allSatisfy(r -> {
            assertThat(r.body().path("maximumBytesBilled").asText()).isEqualTo("1048576");
            assertThat(r.body().path("labels").path("team").asText()).isEqualTo("data");
        });
    }

    @Test
    void runDetailsReportBytesCacheJobAndLocation() {
        standIn.script("SELECT 2 AS two", BigQueryStandIn.Script.rows(BigQueryFixture.fields(
                BigQueryFixture.field("two", "INTEGER", "NULLABLE")), List.of(List.of("2"))).bytes(512, 0).cacheHit());
        try (BigQueryConnector c = connect(BigQueryConnectorProvider.LOCATION, "EU")) {
            try (ResultCursor cursor = c.openCursor("SELECT * FROM shop.orders", List.of(), 100)) {
                Map<String, String> info = cursor.runInfo();
                assertThat(info.keySet()).containsExactly("Statement type", "Bytes processed", "Bytes billed", "Cache hit",
                        "Rows", "Job id", "Location", "Time taken");
                assertThat(info.get("Statement type")).isEqualTo("SELECT");
                assertThat(info.get("Bytes processed")).isEqualTo("1.18 MB (1,234,567 bytes)");
                assertThat(info.get("Bytes billed")).isEqualTo("10.00 MB (10,485,760 bytes)");
                assertThat(info.get("Cache hit")).isEqualTo("no");
                assertThat(info.get("Rows")).isEqualTo("450");
                assertThat(info.get("Location")).isEqualTo("EU");
                assertThat(info.get("Job id")).matches(BigQueryStandIn.PROJECT + ":EU\\.job_\\d+_\\w+");
                assertThat(info.get("Time taken")).matches("\\d+\\.\\d{3} s");
            }
            try (ResultCursor cursor = c.openCursor("SELECT 2 AS two", List.of(), 100)) {
                assertThat(cursor.runInfo()).containsEntry("Cache hit", "yes").containsEntry("Bytes billed", "0 bytes");
            }
        }
        assertThat(standIn.requests("POST", ".*/queries")).allSatisfy(r -> assertThat(r.body().path("location").asText()).isEqualTo("EU"));
    }

    @Test
    void dmlReportsTheRowsItChangedAndNoResult() {
        standIn.script("UPDATE shop.orders SET total = 0 WHERE order_id < 4", BigQueryStandIn.Script.dml("UPDATE", 3));
        try (BigQueryConnector c = connect()) {
            try (ResultCursor cursor = c.openCursor("UPDATE shop.orders SET total = 0 WHERE order_id < 4", List.of(), 100)) {
                assertThat(cursor.isResultSet()).isFalse();
                assertThat(cursor.updateCount()).isEqualTo(3);
                assertThat(cursor.runInfo()).containsEntry("Statement type", "UPDATE").containsEntry("Rows affected", "3");
            }
            assertThat(c.executeSqlStatement("UPDATE shop.orders SET total = 0 WHERE order_id < 4", null, null))
                    .containsExactly(Map.of("update_count", 3L));
        }
    }

    @Test
    void aReadOnlyConnectionRefusesDmlAfterTheDryRunAndRunsQueries() {
        standIn.script("INSERT INTO shop.orders (order_id) VALUES (1)", BigQueryStandIn.Script.dml("INSERT", 1));
        try (BigQueryConnector c = StandInConnections.withKey(standIn, key, home, true)) {
            c.connect();
            assertThatThrownBy(() -> c.openCursor("INSERT INTO shop.orders (order_id) VALUES (1)", List.of(), 100))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY_VIOLATION);
                        assertThat(e.getMessage()).contains("read-only", "an INSERT", "Nothing was run");
                    });
            assertThat(standIn.requests("POST", ".*/queries")).as("the INSERT never ran").isEmpty();
            assertThat(c.executeSqlStatement("SELECT * FROM shop.orders", null, 5)).hasSize(5);
        }
        assertThat(standIn.requests("POST", ".*/jobs")).hasSize(2);
        assertThat(standIn.requests("POST", ".*/queries")).hasSize(1);
    }

    @Test
    void executeSqlStatementStopsAtTheRowCap() {
        try (BigQueryConnector c = connect()) {
            List<Map<String, Object>> rows = c.executeSqlStatement("SELECT * FROM shop.orders", null, 250);
            assertThat(rows).hasSize(250);
            assertThat(rows.get(249)).containsEntry("order_id", 250L);
            assertThat(rows.get(0).keySet()).containsExactly("order_id", "customer", "items", "tags", "total", "created");
        }
    }

    @Test
    void cancelStopsTheRunningJobOnBigQuery() throws Exception {
        standIn.script("SELECT * FROM shop.orders WHERE forever", BigQueryStandIn.Script.rows(
                BigQueryFixture.fields(BigQueryFixture.field("x", "INTEGER", "NULLABLE")), List.of()).untilCancelled());
        try (BigQueryConnector c = connect()) {
            CompletableFuture<ResultCursor> running = CompletableFuture.supplyAsync(
                    () -> c.openCursor("SELECT * FROM shop.orders WHERE forever", List.of(), 100));
            long deadline = System.currentTimeMillis() + 10_000;
            while (standIn.requests("GET", ".*/queries/job_.*").isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(running).isNotDone();
            c.cancel();
            assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CANCELLED));
        }
        assertThat(cancelRequests()).hasSize(1);
    }

    /** The jobs.cancel calls the stand-in got, waiting a little for one: they are sent in the background. */
    private static List<BigQueryStandIn.Request> cancelRequests() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (standIn.requests("POST", ".*/jobs/job_.*/cancel").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return standIn.requests("POST", ".*/jobs/job_.*/cancel");
    }

    @Test
    void aJobTimeoutSendsTheFullJobThroughJobsInsertAndCancelStillReachesIt() throws Exception {
        try (BigQueryConnector c = connect(BigQueryConnectorProvider.JOB_TIMEOUT, "30")) {
            assertThat(c.executeSqlStatement("SELECT * FROM shop.orders", null, 10)).hasSize(10);
            assertThat(standIn.requests("POST", ".*/jobs")).singleElement().satisfies(r ->
                    assertThat(r.body().path("configuration").path("jobTimeoutMs").asText()).isEqualTo("30000"));
            assertThat(standIn.requests("POST", ".*/queries")).isEmpty();

            standIn.script("SELECT * FROM shop.orders WHERE endless", BigQueryStandIn.Script.rows(
                    BigQueryFixture.fields(BigQueryFixture.field("x", "INTEGER", "NULLABLE")), List.of()).untilCancelled());
            standIn.clearRequests();
            CompletableFuture<ResultCursor> running = CompletableFuture.supplyAsync(
                    () -> c.openCursor("SELECT * FROM shop.orders WHERE endless", List.of(), 100));
            long deadline = System.currentTimeMillis() + 10_000;
            while (standIn.requests("GET", ".*/queries/job_.*").isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            c.cancel();
            assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.CANCELLED));
        }
        assertThat(cancelRequests()).hasSize(1);
    }

    @Test
    void cancelStopsFetchingFurtherPages() {
        try (BigQueryConnector c = connect(); ResultCursor cursor = c.openCursor("SELECT * FROM shop.orders", List.of(), 100)) {
            assertThat(cursor.nextPage(100).rows()).hasSize(100);
            cursor.cancel();
            assertThatThrownBy(() -> cursor.nextPage(100)).isInstanceOfSatisfying(ConnectorException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.CANCELLED));
        }
        assertThat(standIn.requests("GET", ".*/data")).as("no page fetched after cancel").isEmpty();
    }

    @Test
    void everyValueTypeKeepsItsMeaning() {
        try (BigQueryConnector c = connect(); ResultCursor cursor = c.openCursor("SELECT * FROM shop.all_types", List.of(), 10)) {
            assertThat(cursor.columns()).extracting(ColumnInfo::databaseType).containsExactly("STRING", "BYTES", "INT64",
                    "FLOAT64", "NUMERIC", "BIGNUMERIC", "BOOL", "TIMESTAMP", "DATETIME", "DATE", "TIME", "INTERVAL",
                    "GEOGRAPHY", "JSON", "RANGE<DATE>", "STRUCT<a INT64, b STRING>", "ARRAY<INT64>");
            assertThat(cursor.columns()).extracting(ColumnInfo::kind).containsExactly(ValueKind.TEXT, ValueKind.BINARY,
                    ValueKind.INTEGER, ValueKind.FLOAT, ValueKind.DECIMAL, ValueKind.DECIMAL, ValueKind.BOOLEAN,
                    ValueKind.TIMESTAMP_TZ, ValueKind.TIMESTAMP, ValueKind.DATE, ValueKind.TIME, ValueKind.INTERVAL,
                    ValueKind.TEXT, ValueKind.JSON, ValueKind.TEXT, ValueKind.STRUCT, ValueKind.ARRAY);
            List<Object[]> rows = cursor.nextPage(10).rows();
            Object[] v = rows.get(0);
            assertThat(v[0]).isEqualTo("héllo\nworld");
            assertThat((byte[]) v[1]).containsExactly(0, 1, 0xfe, 0xff);
            assertThat(v[2]).isEqualTo(Long.MIN_VALUE);
            assertThat(v[3]).isEqualTo(1.0E-300);
            assertThat(v[4]).isEqualTo(new BigDecimal("-99999999999999999999999999999.999999999"));
            assertThat(v[5]).isEqualTo(new BigDecimal("578960446186580977117854925043439539266.34992332820282019728792003956564819967"));
            assertThat(v[6]).isEqualTo(true);
            assertThat(v[7]).isEqualTo(OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000, ZoneOffset.UTC));
            assertThat(v[8]).isEqualTo(java.time.LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_012_000));
            assertThat(v[9]).isEqualTo(LocalDate.of(1, 1, 1));
            assertThat(v[10]).isEqualTo(java.time.LocalTime.of(23, 59, 59, 999_999_000));
            assertThat(v[11]).isEqualTo("1-2 3 4:5:6.789");
            assertThat(v[12]).isEqualTo("POINT(13.4 52.52)");
            assertThat(v[13]).isEqualTo("{\"a\":[1,2],\"b\":null}");
            assertThat(v[14]).isEqualTo("[2024-01-01, 2024-02-01)");
            assertThat(v[15]).isEqualTo(Map.of("a", 7L, "b", "seven"));
            assertThat(v[16]).isEqualTo(List.of(1L, 2L, 3L));

            Object[] nulls = rows.get(1);
            assertThat(nulls[0]).as("the text NULL is text").isEqualTo("NULL");
            for (int i = 1; i < 16; i++) {
                assertThat(nulls[i]).as("column " + i).isNull();
            }
            assertThat(nulls[16]).isEqualTo(List.of());
        }
    }
}
