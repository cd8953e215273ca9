package dev.sextant.bench;

import static dev.sextant.testing.Bench.ms;
import static dev.sextant.testing.Bench.report;

import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.QuerySession;
import dev.sextant.query.ResultPageView;
import dev.sextant.sql.Syntax;
import dev.sextant.testing.FxWatchdog;
import dev.sextant.testing.TestPostgres;
import dev.sextant.ui.editor.QueryTab;
import dev.sextant.ui.editor.QueryTabModel;
import dev.sextant.ui.task.FxTaskExecutor;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test: the results grid under the heaviest use, measured in the real editor tab on a headless
 * screen. It pages through 10,000,000 rows to the end and jumps back to page 1 in a JVM limited to
 * {@code -Xmx256m}, reporting the JavaFX thread's longest stall and the heap, and compares the time to the
 * first page of the whole table with that of the same query with {@code LIMIT 200}, measured alternately
 * in the same run. Run with {@code mvn -Pbenchmark verify}; it prints figures and asserts nothing about time.
 */
class WorkbenchBenchmark {

    private static final int ROWS = 10_000_000;
    private static final int PAGE = 1000;
    private static final int FIRST_PAGE_RUNS = 9;

    @Test
    void run() throws Exception {
        report(Runtime.getRuntime().availableProcessors() + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        String db = TestPostgres.newDatabase("bench_grid");
        long gen = System.nanoTime();
        TestPostgres.execute(db, "CREATE TABLE huge AS SELECT g AS id, md5(g::text) AS t, g * 0.01 AS amount, "
                + "now() - g * interval '1 second' AS at FROM generate_series(1, " + ROWS + ") g", "VACUUM ANALYZE huge");
        report(String.format("generated %,d rows in %s", ROWS, ms(System.nanoTime() - gen)));

        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Path spill = Files.createTempDirectory("sextant-bench-spill");
        ExternalDatabaseConfig config = ExternalDatabaseConfig.create("Bench", "postgresql", Map.of(), ConnectionKind.DEVELOPMENT);
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            QuerySession session = new QuerySession(() -> connector(db), spill, QuerySession.DEFAULT_ROWS_IN_MEMORY);
            QueryTabModel model = new QueryTabModel(session, executor, config, Syntax.POSTGRESQL, () -> null, null);
            onFx(() -> {
                QueryTab tab = new QueryTab("Bench", config, model, "SELECT * FROM huge", executor, () -> null);
                Stage stage = new Stage();
                stage.setScene(new Scene(new TabPane(tab), 1280, 800));
                stage.show();
            });
            firstPageWithoutScreen(db, spill);
            firstPage(model);
            paging(model, spill);
            onFx(model::close);
        }
        WaitForAsyncUtils.waitForFxEvents();
        try (Stream<Path> left = Files.list(spill)) {
            if (left.findAny().isEmpty()) {
                Files.delete(spill);
            }
        }
    }

    private static BaseDBConnector connector(String db) {
        return ConnectorRegistry.loadInstalled().create("postgresql", ConnectionParameters.of(Map.of(
                "host", "127.0.0.1", "port", String.valueOf(TestPostgres.port()), "database", db,
                "user", "postgres", "sslMode", "disable")));
    }

    /** Time from "run" to the first page shown, for the whole table and with LIMIT 200, alternating. */
    private void firstPage(QueryTabModel model) throws Exception {
        long[][] whole = new long[2][FIRST_PAGE_RUNS];
        long[][] limited = new long[2][FIRST_PAGE_RUNS];
        for (int i = -2; i < FIRST_PAGE_RUNS; i++) {
            long[] w = timeRun(model, "SELECT * FROM huge");
            long[] l = timeRun(model, "SELECT * FROM huge LIMIT 200");
            if (i >= 0) {
                for (int k = 0; k < 2; k++) {
                    whole[k][i] = w[k];
                    limited[k][i] = l[k];
                }
            }
        }
        for (long[] a : whole) {
            Arrays.sort(a);
        }
        for (long[] a : limited) {
            Arrays.sort(a);
        }
        int m = FIRST_PAGE_RUNS / 2;
        report(String.format("first page shown in the grid: SELECT * over %,d rows median %s; with LIMIT 200 median %s "
                + "-> %.2fx (target under 2x; %d runs each, alternating, after 2 warm-ups)", ROWS, ms(whole[1][m]),
                ms(limited[1][m]), (double) whole[1][m] / limited[1][m], FIRST_PAGE_RUNS));
        report(String.format("  of which until the page reached the JavaFX thread: median %s and %s; the rest is the screen "
                + "taking the page (layout and software rendering on this headless screen)", ms(whole[0][m]), ms(limited[0][m])));
    }

    /** The same first pages through the query session alone, to tell the database's share from the screen's. */
    private void firstPageWithoutScreen(String db, Path spill) {
        try (QuerySession session = new QuerySession(() -> connector(db), spill, QuerySession.DEFAULT_ROWS_IN_MEMORY)) {
            long[] whole = new long[FIRST_PAGE_RUNS];
            long[] limited = new long[FIRST_PAGE_RUNS];
            for (int i = -2; i < FIRST_PAGE_RUNS; i++) {
                long t = System.nanoTime();
                session.execute("SELECT * FROM huge", List.of(), 200);
                long w = System.nanoTime() - t;
                t = System.nanoTime();
                session.execute("SELECT * FROM huge LIMIT 200", List.of(), 200);
                long l = System.nanoTime() - t;
                if (i >= 0) {
                    whole[i] = w;
                    limited[i] = l;
                }
            }
            Arrays.sort(whole);
            Arrays.sort(limited);
            report(String.format("first page through the query session alone (no screen): median %s; with LIMIT 200: median %s -> %.2fx",
                    ms(whole[FIRST_PAGE_RUNS / 2]), ms(limited[FIRST_PAGE_RUNS / 2]),
                    (double) whole[FIRST_PAGE_RUNS / 2] / limited[FIRST_PAGE_RUNS / 2]));
        }
    }

    /**
     * Runs {@code sql} from the editor and waits until its first page is on screen: the time until the page
     * reached the JavaFX thread, and until the grid had taken it (the next turn of the JavaFX thread).
     */
    private static long[] timeRun(QueryTabModel model, String sql) throws Exception {
        CompletableFuture<long[]> shown = new CompletableFuture<>();
        long[] t0 = new long[1];
        onFx(() -> {
            javafx.beans.value.ChangeListener<ResultPageView> listener = (o, a, p) -> {
                if (p != null) {
                    long reached = System.nanoTime() - t0[0];
                    Platform.runLater(() -> shown.complete(new long[] {reached, System.nanoTime() - t0[0]}));
                }
            };
            model.pageProperty().addListener(listener);
            shown.whenComplete((r, e) -> Platform.runLater(() -> model.pageProperty().removeListener(listener)));
            t0[0] = System.nanoTime();
            model.run(sql, 0);
        });
        long[] nanos = shown.get(60, TimeUnit.SECONDS);
        waitIdle(model);
        return nanos;
    }

    private void paging(QueryTabModel model, Path spill) throws Exception {
        onFx(() -> model.changePageSize(PAGE));
        waitIdle(model);
        timeRun(model, "SELECT * FROM huge");
        if (model.pageProperty().get().rows().size() != PAGE) {
            throw new IllegalStateException("expected a first page of " + PAGE + " rows");
        }
        long pages = 1;
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        GcPauses gc = GcPauses.start();
        long t = System.nanoTime();
        try (FxWatchdog watchdog = FxWatchdog.start(); FxLatencies latencies = FxLatencies.start()) {
            while (true) {
                ResultPageView p = model.pageProperty().get();
                if (!p.hasNextPage()) {
                    break;
                }
                onFx(model::nextPage);
                waitIdle(model);
                pages++;
                if (pages % 2000 == 0) {
                    report(String.format("  … page %,d, %s so far, longest FX stall %d ms", pages, ms(System.nanoTime() - t),
                            watchdog.maxStallMillis()));
                }
            }
            long forward = System.nanoTime() - t;
            ResultPageView last = model.pageProperty().get();
            long back = System.nanoTime();
            onFx(model::firstPage);
            waitIdle(model);
            long backNanos = System.nanoTime() - back;
            ResultPageView first = model.pageProperty().get();
            report(String.format("paged forward through %,d pages of %,d rows to the end (rows %,d-%,d of %,d) in %s (%,.0f rows/s)",
                    pages, PAGE, last.firstRow() + 1, last.lastRow(), last.rowsRead(), ms(forward), last.rowsRead() / (forward / 1e9)));
            report(String.format("jumped back to page 1 (first row %,d, read back from the temporary file) in %s", first.firstRow() + 1,
                    ms(backNanos)));
            report(String.format("JavaFX thread longest stall over the whole paging: %d ms over %,d probes (target under 100 ms)",
                    watchdog.maxStallMillis(), watchdog.probes()));
            report("JavaFX thread latency of a posted task while paging: " + latencies.summary());
            report(String.format("garbage collection while paging: %s; machine load average %.1f before, %.1f after (2 cores)",
                    gc.summary(), loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        long liveAfterGc = gc.liveAfter.get();
        System.gc(); // a full collection, to see what the open result really keeps reachable
        java.lang.management.MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        report(String.format("heap in use after a full collection, with the 10,000,000-row result still open on its last page: %,d MB",
                heap.getUsed() / (1024 * 1024)));
        long spillBytes;
        try (Stream<Path> files = Files.list(spill)) {
            spillBytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        report(String.format("heap: the most in use right after a young collection was %,d MB of max %,d MB (old-generation "
                        + "garbage included; see the full collection above for what stays reachable); temporary file %,d MB; "
                        + "no OutOfMemoryError", liveAfterGc / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                spillBytes / (1024 * 1024)));
    }

    /** Every GC pause while it listens, from the JVM's own notifications. */
    private static final class GcPauses {
        private final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong longest = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong liveAfter = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.ConcurrentHashMap<String, Long> longestByName = new java.util.concurrent.ConcurrentHashMap<>();

        static GcPauses start() {
            GcPauses p = new GcPauses();
            for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) bean).addNotificationListener((n, h) -> {
                    if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                (javax.management.openmbean.CompositeData) n.getUserData());
                        long d = info.getGcInfo().getDuration();
                        long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                .mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
                        p.liveAfter.accumulateAndGet(after, Math::max);
                        p.count.incrementAndGet();
                        p.total.addAndGet(d);
                        p.longest.accumulateAndGet(d, Math::max);
                        p.longestByName.merge(info.getGcName() + " (" + info.getGcAction() + ")", d, Math::max);
                    }
                }, null, null);
            }
            return p;
        }

        String summary() {
            return String.format("%,d collections, %,d ms in all, longest %d ms; longest by kind %s", count.get(), total.get(),
                    longest.get(), longestByName);
        }
    }

    /** The JavaFX thread's latency for a tiny posted task, every 5 ms: how smooth the screen stays. */
    private static final class FxLatencies implements AutoCloseable {
        private final long[] samples = new long[1 << 20];
        private int n;
        private volatile boolean running = true;
        private final Thread prober = new Thread(this::probe, "fx-latency");

        static FxLatencies start() {
            FxLatencies l = new FxLatencies();
            l.prober.setDaemon(true);
            l.prober.start();
            return l;
        }

        private void probe() {
            while (running && n < samples.length) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                long[] at = new long[1];
                Platform.runLater(() -> {
                    at[0] = System.nanoTime();
                    ran.countDown();
                });
                try {
                    ran.await();
                    samples[n++] = at[0] - posted;
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        String summary() {
            close();
            try {
                prober.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int count = n;
            long[] sorted = Arrays.copyOf(samples, count);
            Arrays.sort(sorted);
            long over = Arrays.stream(sorted).filter(v -> v > 100_000_000L).count();
            return String.format("median %s, 99th percentile %s, 99.9th %s, max %s; %,d of %,d probes over 100 ms",
                    ms(sorted[count / 2]), ms(sorted[(int) (count * 0.99)]), ms(sorted[(int) (count * 0.999)]),
                    ms(sorted[count - 1]), over, count);
        }

        @Override
        public void close() {
            running = false;
            prober.interrupt();
        }
    }

    private static void waitIdle(QueryTabModel model) throws Exception {
        CompletableFuture<Void> idle = new CompletableFuture<>();
        onFx(() -> {
            if (!model.runningProperty().get()) {
                idle.complete(null);
                return;
            }
            model.runningProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (!now) {
                        model.runningProperty().removeListener(this);
                        idle.complete(null);
                    }
                }
            });
        });
        idle.get(120, TimeUnit.SECONDS);
        // "running" turns false inside the JavaFX event that goes on to hand over the new page; one more
        // event on that thread lets it finish, so the page read next is the new one
        onFx(() -> { });
        if (model.failure().isPresent()) {
            throw new IllegalStateException(model.failure().get().message());
        }
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        done.get(60, TimeUnit.SECONDS);
    }
}
