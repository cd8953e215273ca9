package dev.sextant.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.QueryEstimate;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import dev.sextant.connector.SqlDialect;
import dev.sextant.query.QuerySession;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.sql.Syntax;
import dev.sextant.testing.Snapshots;
import dev.sextant.ui.SextantApplication;
import dev.sextant.ui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editor of a BigQuery tab: the dry-run estimate as the user types, the run details after a run,
 * and the production confirmation decided by the dry run's statement type.
 *
 * <p>The BigQuery connector is built on another branch; until it is merged, this test runs the editor
 * against a connector that answers {@link BaseDBConnector#estimate} and {@link ResultCursor#runInfo} the
 * way the BigQuery connector's contract describes, running the statements themselves on H2. It tests the
 * editor's side of that contract; the BigQuery connector against its REST stand-in is tested with it.
 */
@ExtendWith(ApplicationExtension.class)
class DryRunEstimateTest {

    private static final long CAP = 10L * 1024 * 1024 * 1024;

    @TempDir
    Path temp;
    private FxTaskExecutor executor;
    private QueryTab tab;
    private final AtomicInteger dryRuns = new AtomicInteger();

    @Start
    void start(Stage stage) {
        executor = new FxTaskExecutor();
        String db = "mem:" + UUID.randomUUID().toString().replace("-", "");
        ConnectorRegistry registry = ConnectorRegistry.loadInstalled();
        try (BaseDBConnector setup = registry.create("h2", ConnectionParameters.of(Map.of("path", db)))) {
            setup.connect();
            setup.executeSqlStatement("CREATE TABLE EVENTS AS SELECT X AS ID, 'event ' || X AS NAME FROM SYSTEM_RANGE(1, 300)", null, null);
        }
        ExternalDatabaseConfig config = ExternalDatabaseConfig.create("Analytics", "bigquery", Map.of(), ConnectionKind.PRODUCTION);
        QuerySession session = new QuerySession(() -> new DryRunningConnector(
                registry.create("h2", ConnectionParameters.of(Map.of("path", db))), dryRuns), temp, 1000);
        QueryTabModel model = new QueryTabModel(session, executor, config, Syntax.BIGQUERY, () -> null, null);
        tab = new QueryTab("Analytics · query 1", config, model, "", executor, () -> null);
        TabPane tabs = new TabPane(tab);
        Scene scene = new Scene(tabs, 1100, 600);
        scene.getStylesheets().add(SextantApplication.class.getResource("sextant.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        // let the editor's last debounced dry run start before its executor goes away
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        robot.interact(() -> tab.model().close());
        WaitForAsyncUtils.waitForFxEvents();
        executor.close();
    }

    @Test
    void theEstimateFollowsTypingAfterAPauseAndTheRunShowsItsDetails(FxRobot robot) throws Exception {
        robot.interact(() -> tab.editor().requestFocus());
        String sql = "SELECT NAME FROM EVENTS";
        robot.write(sql);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.model().estimateProperty().get().contains("will process"));
        Label estimate = robot.lookup("#estimate").queryAs(Label.class);
        assertThat(estimate.getText()).isEqualTo("This SELECT will process 23.00 MB · cap 10.00 GB");
        assertThat(dryRuns.get()).as("dry runs wait for typing to pause").isLessThan(sql.length() / 2);
        assertThat(estimate.getStyleClass()).doesNotContain("over-cap");

        robot.interact(() -> tab.editor().replaceText("SELECT * FROM EVENTS CROSS JOIN EVENTS B"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.model().estimateProperty().get().startsWith("Over the cap"));
        assertThat(estimate.getStyleClass()).contains("over-cap");

        robot.interact(() -> tab.editor().replaceText("SELEC NAME FROM EVENTS"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.model().estimateProperty().get().startsWith("Dry run:"));

        robot.interact(() -> tab.editor().replaceText(sql));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCode.CONTROL);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.model().pageProperty().get() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no result; status: " + tab.model().statusProperty().get() + ", failure: "
                    + tab.model().failure() + ", focused: " + tab.editor().isFocused(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tab.model().confirmationProperty().get()).as("a SELECT needs no confirmation, even on production").isNull();
        assertThat(robot.lookup("#run-info").queryAs(Label.class).getText())
                .isEqualTo("Bytes processed: 23.00 MB · Bytes billed: 24.00 MB · Cache hit: no · Job id: test:US.job_1");
        robot.interact(() -> Snapshots.save(tab.getTabPane().getScene(), "workbench-bigquery-estimate"));
    }

    @Test
    void onProductionTheDryRunsStatementTypeDecidesTheConfirmation(FxRobot robot) throws Exception {
        // the text reads like a SELECT to a keyword scan, but the server says it inserts
        robot.interact(() -> tab.editor().replaceText("/* SELECT */ INSERT INTO EVENTS VALUES (301, 'x')"));
        robot.interact(() -> tab.editor().requestFocus());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.model().confirmationProperty().get() != null);
        assertThat(tab.model().confirmationProperty().get().message())
                .isEqualTo("INSERT changes data or schema on the production connection 'Analytics'. Run it?");
    }

    /**
     * Runs statements on H2 and answers the dry run and run details as the BigQuery connector's contract
     * says: the statement type and the bytes the statement would read (here 1 MiB per character of the
     * statement, so the figures are predictable), the connection's cap, and an invalid statement refused
     * with the database's message.
     */
    static final class DryRunningConnector extends BaseDBConnector {

        private final BaseDBConnector h2;
        private final AtomicInteger dryRuns;

        DryRunningConnector(BaseDBConnector h2, AtomicInteger dryRuns) {
            super(ConnectionParameters.of(Map.of()));
            this.h2 = h2;
            this.dryRuns = dryRuns;
        }

        @Override
        public Optional<QueryEstimate> estimate(String sql, List<?> params) {
            dryRuns.incrementAndGet();
            String body = sql.replaceAll("/\\*.*?\\*/", "").strip();
            String type = body.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            if (!java.util.Set.of("INSERT", "UPDATE", "DELETE", "MERGE").contains(type)) {
                // the database checks the statement, as a dry run does
                try (ResultCursor c = h2.openCursor("EXPLAIN " + body, params, 10)) {
                    c.nextPage(10);
                }
            }
            return Optional.of(new QueryEstimate(type, type.equals("SELECT"), bytes(body), CAP));
        }

        private static long bytes(String sql) {
            return sql.contains("CROSS JOIN") ? CAP + 1 : sql.length() * 1024L * 1024L;
        }

        @Override
        public ResultCursor openCursor(String sql, List<?> params, int fetchSize) {
            ResultCursor inner = h2.openCursor(sql, params, fetchSize);
            return new ResultCursor() {
                @Override
                public boolean isResultSet() {
                    return inner.isResultSet();
                }

                @Override
                public List<ColumnInfo> columns() {
                    return inner.columns();
                }

                @Override
                public long updateCount() {
                    return inner.updateCount();
                }

                @Override
                public ResultPage nextPage(int maxRows) {
                    return inner.nextPage(maxRows);
                }

                @Override
                public boolean hasMore() {
                    return inner.hasMore();
                }

                @Override
                public Map<String, String> runInfo() {
                    Map<String, String> info = new LinkedHashMap<>();
                    info.put("Bytes processed", Bytes.format(bytes(sql)));
                    info.put("Bytes billed", Bytes.format(24L * 1024 * 1024));
                    info.put("Cache hit", "no");
                    info.put("Job id", "test:US.job_1");
                    return info;
                }

                @Override
                public void cancel() {
                    inner.cancel();
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        }

        @Override
        public void connect() {
            h2.connect();
        }

        @Override
        public void disconnect() {
            h2.disconnect();
        }

        @Override
        public boolean isConnected() {
            return h2.isConnected();
        }

        @Override
        public SqlDialect dialect() {
            return SqlDialect.doubleQuoted("BigQuery", false, java.util.Set.of());
        }

        @Override
        public void cancel() {
            h2.cancel();
        }

        @Override
        public ConnectionTestReport testConnection() {
            return h2.testConnection();
        }

        @Override
        public List<SchemaRef> listSchemas(boolean includeSystem) {
            throw new ConnectorException(ErrorKind.INTERNAL, "not needed by the editor");
        }

        @Override
        public Schema scanSchema(SchemaRef schema) {
            throw new ConnectorException(ErrorKind.INTERNAL, "not needed by the editor");
        }

        @Override
        protected String[] productNameAndVersion() {
            return new String[] {"BigQuery (test)", ""};
        }
    }
}
