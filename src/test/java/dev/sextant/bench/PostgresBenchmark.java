package dev.sextant.bench;

import static dev.sextant.testing.Bench.median;
import static dev.sextant.testing.Bench.ms;
import static dev.sextant.testing.Bench.report;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import dev.sextant.schema.DatabaseSchema;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a benchmark of the PostgreSQL connector against baselines measured in the same run, on a
 * database it generates itself. Run with {@code mvn -Pbenchmark verify}; it prints figures and ratios
 * (medians) and asserts nothing about time.
 */
class PostgresBenchmark {

    private static final int SCHEMAS = 5;
    private static final int TABLES_PER_SCHEMA = 1000;
    private static final int RUNS = 5;
    private static final int FIRST_PAGE_RUNS = 11;

    private static BaseDBConnector connector(BenchServer server, String db) {
        return ConnectorRegistry.loadInstalled().create("postgresql", ConnectionParameters.of(Map.of(
                "host", "127.0.0.1", "port", String.valueOf(server.port()), "database", db,
                "user", "postgres", "sslMode", "disable")));
    }

    @Test
    void run() throws Exception {
        report(Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        BenchServer embedded = BenchServer.embedded();
        scenario(embedded);
        firstPage(embedded);

        StringBuilder whyNot = new StringBuilder();
        Optional<MachinePostgres> machine = MachinePostgres.start(whyNot);
        if (machine.isEmpty()) {
            report("pg_dump and psql comparisons skipped: " + whyNot);
            return;
        }
        try (MachinePostgres server = machine.get()) {
            scenario(server);
        }
    }

    /** The scan and streaming runs on one server, with pg_dump and psql where the server has them. */
    private void scenario(BenchServer server) throws Exception {
        report("--- on " + server.describe());
        String db = "bench_" + Long.toHexString(System.nanoTime());
        server.createDatabase(db);
        long gen = System.nanoTime();
        for (int s = 1; s <= SCHEMAS; s++) {
            server.execute(db, "CREATE SCHEMA s" + s, "DO $$ BEGIN FOR i IN 1.." + TABLES_PER_SCHEMA + " LOOP "
                    + "EXECUTE format('CREATE TABLE s" + s + ".t%s (id bigint PRIMARY KEY, c1 int, c2 text, c3 numeric(12,2), "
                    + "c4 timestamptz, c5 boolean, c6 date, c7 varchar(40), c8 bigint, c9 jsonb)', i); "
                    + "EXECUTE format('CREATE INDEX ON s" + s + ".t%s (c1)', i); "
                    + "EXECUTE format('COMMENT ON TABLE s" + s + ".t%s IS %L', i, 'table ' || i); END LOOP; END $$");
        }
        report("generated " + SCHEMAS * TABLES_PER_SCHEMA + " tables x 10 columns in " + ms(System.nanoTime() - gen));
        try (BaseDBConnector c = connector(server, db)) {
            c.connect();
            long fresh = median(3, () -> {
                long t = System.nanoTime();
                c.scanDbSchema();
                return System.nanoTime() - t;
            });
            report("full scan right after the tables were made, before the catalogs' statistics were gathered: median "
                    + ms(fresh) + " (3 runs)");
        }
        // what autovacuum soon does on a live server; the runs below are on analysed catalogs
        server.execute(db, "ANALYZE");
        scan(server, db);
        streaming(server, db);
    }

    private void scan(BenchServer server, String db) throws Exception {
        try (BaseDBConnector c = connector(server, db)) {
            c.connect();
            long firstLevel = median(RUNS, () -> {
                long t = System.nanoTime();
                c.listSchemas();
                return System.nanoTime() - t;
            });
            long[] tables = new long[1];
            Optional<MachinePostgres> tools = server.tools();
            long[] scans = new long[RUNS];
            long[] dumps = new long[RUNS];
            // alternating, so that both see the same state of a shared machine
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                DatabaseSchema model = c.scanDbSchema();
                scans[i] = System.nanoTime() - t;
                tables[0] = model.schemas().stream().mapToLong(s -> s.tables().size()).sum();
                if (tools.isPresent()) {
                    dumps[i] = tools.get().pgDumpSchemaOnlyNanos(db);
                }
            }
            Arrays.sort(scans);
            Arrays.sort(dumps);
            long full = scans[RUNS / 2];
            report("tree first level (listSchemas): median " + ms(firstLevel));
            report("full scan (" + tables[0] + " tables): median " + ms(full));
            if (tools.isPresent()) {
                long dump = dumps[RUNS / 2];
                report("pg_dump --schema-only (outside reference, runs alternating with the scan's): median " + ms(dump)
                        + String.format(" -> Sextant's full scan takes %.2fx of it", (double) full / dump));
            }
            long metaData;
            try (Connection jdbc = server.connect(db)) {
                long t = System.nanoTime();
                perTableMetaDataScan(jdbc);
                metaData = System.nanoTime() - t;
            }
            report("per-table DatabaseMetaData scan (baseline, 1 run): " + ms(metaData)
                    + String.format(" -> Sextant takes %.3fx of it", (double) full / metaData));
        }
    }

    /** What other tools do: tables, then columns, keys and indexes table by table. */
    private static void perTableMetaDataScan(Connection jdbc) throws Exception {
        DatabaseMetaData md = jdbc.getMetaData();
        List<String[]> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (rs.getString(2).startsWith("s")) {
                    tables.add(new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        for (String[] t : tables) {
            try (ResultSet c = md.getColumns(null, t[0], t[1], "%")) {
                while (c.next()) {
                    c.getString(4);
                }
            }
            try (ResultSet k = md.getPrimaryKeys(null, t[0], t[1])) {
                while (k.next()) {
                    k.getString(4);
                }
            }
            try (ResultSet i = md.getIndexInfo(null, t[0], t[1], false, true)) {
                while (i.next()) {
                    i.getString(6);
                }
            }
        }
    }

    private void streaming(BenchServer server, String db) throws Exception {
        server.execute(db, "CREATE TABLE stream AS SELECT g::int AS i, g::bigint * 7 AS b, md5(g::text) AS t, "
                + "(g / 3.0)::numeric(14,4) AS n, now() - g * interval '1 minute' AS ts, g % 2 = 0 AS f, "
                + "current_date - (g % 1000) AS d FROM generate_series(1, 1000000) g", "VACUUM ANALYZE stream");
        String sql = "SELECT * FROM stream";
        long sextant = median(3, () -> {
            try (BaseDBConnector c = connector(server, db)) {
                c.connect();
                long t = System.nanoTime();
                long rows = 0;
                try (ResultCursor cursor = c.openCursor(sql, List.of(), 1000)) {
                    while (cursor.hasMore()) {
                        rows += cursor.nextPage(1000).size();
                    }
                }
                check(rows, 1_000_000);
                return System.nanoTime() - t;
            }
        });
        long bare = median(3, () -> {
            try (Connection jdbc = server.connect(db)) {
                long t = System.nanoTime();
                jdbc.setAutoCommit(false);
                long rows = 0;
                try (Statement s = jdbc.createStatement()) {
                    s.setFetchSize(1000);
                    try (ResultSet rs = s.executeQuery(sql)) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= n; i++) {
                                rs.getObject(i);
                            }
                            rows++;
                        }
                    }
                }
                jdbc.commit();
                check(rows, 1_000_000);
                return System.nanoTime() - t;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        report(String.format("stream 1,000,000 rows x 7 columns: Sextant cursor median %s (%,.0f rows/s), bare pgjdbc loop "
                        + "median %s (%,.0f rows/s) -> %.2fx of the bare loop's rate",
                ms(sextant), 1e6 / (sextant / 1e9), ms(bare), 1e6 / (bare / 1e9), (double) bare / sextant));
        if (server.tools().isPresent()) {
            MachinePostgres tools = server.tools().get();
            long psql = median(3, () -> {
                try {
                    return tools.psqlNanos(db, sql);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            report(String.format("psql, same query, rows written to nowhere (outside reference): median %s (%,.0f rows/s) "
                    + "-> Sextant's cursor streams at %.2fx psql's rate", ms(psql), 1e6 / (psql / 1e9), (double) psql / sextant));
        }
    }

    private void firstPage(BenchServer server) {
        String db = "bench_huge";
        server.createDatabase(db);
        server.execute(db, "CREATE TABLE huge AS SELECT g AS id, md5(g::text) AS t FROM generate_series(1, 10000000) g");
        try (BaseDBConnector c = connector(server, db)) {
            c.connect();
            // warm both up first (the table's first pages, the JVM's code), then alternate them so that
            // neither profits from running later than the other
            long[] pages = new long[FIRST_PAGE_RUNS];
            long[] limits = new long[FIRST_PAGE_RUNS];
            for (int i = -3; i < FIRST_PAGE_RUNS; i++) {
                long p = timeFirstPage(c, "SELECT * FROM huge");
                long l = timeFirstPage(c, "SELECT * FROM huge LIMIT 200");
                if (i >= 0) {
                    pages[i] = p;
                    limits[i] = l;
                }
            }
            Arrays.sort(pages);
            Arrays.sort(limits);
            long page = pages[FIRST_PAGE_RUNS / 2];
            long limit = limits[FIRST_PAGE_RUNS / 2];
            report(String.format("first page of SELECT * over 10,000,000 rows: median %s; with LIMIT 200: median %s -> %.2fx (11 runs each, alternating)",
                    ms(page), ms(limit), (double) page / limit));
            long t = System.nanoTime();
            long rows = 0;
            try (ResultCursor cursor = c.openCursor("SELECT * FROM huge", List.of(), 2000)) {
                while (cursor.hasMore()) {
                    rows += cursor.nextPage(2000).size();
                }
            }
            report(String.format("streamed all %,d rows in %s with max heap %d MB (no OutOfMemoryError)", rows,
                    ms(System.nanoTime() - t), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        }
    }

    private static long timeFirstPage(BaseDBConnector c, String sql) {
        long t = System.nanoTime();
        try (ResultCursor cursor = c.openCursor(sql, List.of(), 200)) {
            ResultPage page = cursor.nextPage(200);
            check(page.size(), 200);
        }
        return System.nanoTime() - t;
    }

    private static void check(long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " rows, read " + actual);
        }
    }
}
