package dev.sextant.connector.bigquery;

import static dev.sextant.testing.Bench.median;
import static dev.sextant.testing.Bench.ms;
import static dev.sextant.testing.Bench.report;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.QueryJobConfiguration;
import dev.sextant.connector.ResultCursor;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.testing.BigQueryFixture;
import dev.sextant.testing.BigQueryStandIn;
import dev.sextant.testing.ServiceAccountKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a benchmark of the BigQuery connector against the local stand-in with a fixed delay per
 * API call (standing in for the network and BigQuery), with baselines measured in the same run. Run with
 * {@code mvn -Pbenchmark verify}; it prints medians and ratios and asserts nothing about time.
 */
class BigQueryBenchmark {

    private static final int TABLES = 500;
    private static final Duration LATENCY = Duration.ofMillis(30);
    private static final int RUNS = 3;

    @Test
    void run() throws Exception {
        Path home = Files.createTempDirectory("bq-bench");
        try (BigQueryStandIn standIn = new BigQueryStandIn(new BigQueryFixture(TABLES))) {
            ServiceAccountKey key = ServiceAccountKey.create(standIn, "bench");
            standIn.latency(LATENCY);
            report("BigQuery stand-in with " + LATENCY.toMillis() + " ms per API call, " + Runtime.getRuntime().availableProcessors()
                    + " cores");
            try (BigQueryConnector c = StandInConnections.withKey(standIn, key, home, false)) {
                c.connect();
                SchemaRef wide = new SchemaRef(BigQueryStandIn.PROJECT, "wide", "");
                BigQuery bq = c.client();
                long datasets = median(RUNS, () -> time(() -> c.listSchemas()));
                report("Tree first level (datasets): " + ms(datasets) + " (one datasets.list call)");
                long parallel = median(RUNS, () -> time(() -> check(c.scanSchema(wide))));
                long sequential = time(() -> check(new BigQuerySchemaScanner(bq, BigQueryStandIn.PROJECT, 1).scan(wide)));
                report("Scan of a dataset of " + TABLES + " tables x 10 columns, " + BigQuerySchemaScanner.PARALLEL_GETS
                        + " tables.get at a time: " + ms(parallel) + "; one at a time (baseline, 1 run): " + ms(sequential)
                        + String.format("; ratio %.2fx", (double) parallel / sequential));
                long firstPage = median(RUNS, () -> time(() -> {
                    try (ResultCursor cursor = c.openCursor("SELECT * FROM shop.orders", List.of(), 200)) {
                        cursor.nextPage(200);
                    }
                }));
                long bare = median(RUNS, () -> time(() -> {
                    try {
                        bq.query(QueryJobConfiguration.newBuilder("SELECT * FROM shop.orders").setMaxResults(200L).build()).getValues()
                                .forEach(row -> row.get(0));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
                long allRows = median(RUNS, () -> time(() -> c.executeSqlStatement("SELECT * FROM shop.orders", null, null)));
                report("First page (200 rows) of a 450-row result, with the run details: " + ms(firstPage)
                        + "; the bare client's first page (baseline): " + ms(bare) + String.format("; ratio %.2fx", (double) firstPage / bare));
                report("All 450 rows in one page through executeSqlStatement: " + ms(allRows));
            }
        }
    }

    private static void check(Schema s) {
        if (s.tables().size() != TABLES) {
            throw new IllegalStateException("scanned " + s.tables().size() + " tables");
        }
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }
}
