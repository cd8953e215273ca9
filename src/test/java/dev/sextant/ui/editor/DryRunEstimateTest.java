package dev.sextant.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.QuerySession;
import dev.sextant.sql.Syntax;
import dev.sextant.testing.BigQueryFixture;
import dev.sextant.testing.BigQueryStandIn;
import dev.sextant.testing.ServiceAccountKey;
import dev.sextant.testing.Snapshots;
import dev.sextant.ui.SextantApplication;
import dev.sextant.ui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
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
 * The editor of a BigQuery tab on the real BigQuery connector, run against the local BigQuery stand-in:
 * the dry-run estimate as the user types, the run details after a run, and the production confirmation
 * decided by the dry run's statement type.
 */
@ExtendWith(ApplicationExtension.class)
class DryRunEstimateTest {

    private static final long MB = 1024L * 1024;
    private static final String SELECT = "SELECT customer FROM shop.orders";
    private static final String HUGE = "SELECT * FROM shop.orders CROSS JOIN shop.orders AS b";
    private static final String TYPO = "SELEC customer FROM shop.orders";
    private static final String INSERT = "/* SELECT */ INSERT INTO shop.orders (order_id) VALUES (1)";

    @TempDir
    Path temp;
    private FxTaskExecutor executor;
    private BigQueryStandIn standIn;
    private QueryTab tab;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        executor = new FxTaskExecutor();
        standIn = new BigQueryStandIn(new BigQueryFixture());
        ServiceAccountKey key = ServiceAccountKey.create(standIn, "editor");
        BigQueryFixture.TableData orders = standIn.fixture().table("shop", "orders").orElseThrow();
        standIn.script(SELECT, BigQueryStandIn.Script.rows(orders.fields(), orders.rows()).bytes(23 * MB, 24 * MB));
        standIn.script(HUGE, BigQueryStandIn.Script.rows(orders.fields(), orders.rows()).bytes(11L * 1024 * MB, 11L * 1024 * MB));
        standIn.script(TYPO, BigQueryStandIn.Script.error(400, "invalidQuery", "Syntax error: Unexpected identifier \"SELEC\" at [1:1]"));
        standIn.script(INSERT, BigQueryStandIn.Script.dml("INSERT", 1).bytes(0, 10 * MB));

        Map<String, String> settings = Map.of("projectId", BigQueryStandIn.PROJECT, "endpoint", standIn.url(),
                "authentication", "service-account-key", "maximumBytesBilled", "10 GB");
        ConnectionParameters parameters = new ConnectionParameters(settings, Map.of("serviceAccountKey", key.json()), false);
        ConnectorRegistry registry = ConnectorRegistry.loadInstalled();
        ExternalDatabaseConfig config = ExternalDatabaseConfig.create("Analytics", "bigquery", settings, ConnectionKind.PRODUCTION);
        QuerySession session = new QuerySession(() -> registry.create("bigquery", parameters), temp, 1000);
        QueryTabModel model = new QueryTabModel(session, executor, config, Syntax.BIGQUERY, () -> null,
                () -> registry.create("bigquery", parameters));
        tab = new QueryTab("Analytics · query 1", config, model, "", executor, () -> null);
        TabPane tabs = new TabPane(tab);
        Scene scene = new Scene(tabs, 1100, 600);
        scene.getStylesheets().add(SextantApplication.class.getResource("sextant.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        // let the editor's last debounced dry run start before its executor goes away
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        robot.interact(() -> tab.model().close());
        WaitForAsyncUtils.waitForFxEvents();
        executor.close();
        assertThat(standIn.problems()).isEmpty();
        standIn.close();
    }

    private long dryRuns() {
        return standIn.requests("POST", ".*/jobs").stream()
                .filter(r -> r.body().path("configuration").path("dryRun").asBoolean(false)).count();
    }

    private long jobsThatRan() {
        return standIn.requests("POST", ".*/queries").size() + standIn.requests("POST", ".*/jobs").stream()
                .filter(r -> !r.body().path("configuration").path("dryRun").asBoolean(false)).count();
    }

    /** Where a node is drawn, in the scene's coordinates. */
    private static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private void runAtCaret(FxRobot robot) {
        robot.interact(() -> tab.editor().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    }

    @Test
    void theEstimateFollowsTypingAfterAPauseAndTheRunShowsItsDetails(FxRobot robot) throws Exception {
        robot.interact(() -> tab.editor().requestFocus());
        robot.write(SELECT);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.model().estimateProperty().get().contains("will process"));
        WaitForAsyncUtils.waitForFxEvents();
        Label estimate = robot.lookup("#estimate").queryAs(Label.class);
        assertThat(estimate.getText()).isEqualTo("This SELECT will process 23.00 MB · cap 10.00 GB");
        assertThat(dryRuns()).as("dry runs wait for typing to pause").isLessThan(SELECT.length() / 2);
        assertThat(estimate.getStyleClass()).doesNotContain("over-cap");
        assertThat(jobsThatRan()).as("estimating runs nothing").isZero();

        robot.interact(() -> tab.editor().replaceText(HUGE));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.model().estimateProperty().get().startsWith("Over the cap"));
        assertThat(estimate.getStyleClass()).contains("over-cap");

        robot.interact(() -> tab.editor().replaceText(TYPO));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.model().estimateProperty().get().startsWith("Dry run:"));
        assertThat(estimate.getText()).contains("Unexpected identifier");

        robot.interact(() -> tab.editor().replaceText(SELECT));
        runAtCaret(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !tab.model().runInfoProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tab.model().confirmationProperty().get()).as("a SELECT needs no confirmation, even on production").isNull();
        assertThat(robot.lookup("#run-info").queryAs(Label.class).getText())
                .contains("Bytes processed: 23.00 MB", "Bytes billed: 24.00 MB", "Cache hit: no", "Job id: ");
        assertThat(standIn.requests("POST", ".*/queries")).singleElement()
                .satisfies(r -> assertThat(r.body().path("maximumBytesBilled").asText()).isEqualTo(String.valueOf(10L * 1024 * MB)));
        robot.interact(() -> Snapshots.save(tab.getTabPane().getScene(), "workbench-bigquery-estimate"));
    }

    @Test
    void onProductionTheDryRunsStatementTypeDecidesTheConfirmation(FxRobot robot) throws Exception {
        // the text reads like a SELECT to a keyword scan, but BigQuery's dry run says it inserts
        robot.interact(() -> tab.editor().replaceText(INSERT));
        runAtCaret(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.model().confirmationProperty().get() != null);
        assertThat(tab.model().confirmationProperty().get().message())
                .isEqualTo("INSERT changes data or schema on the production connection 'Analytics'. Run it?");
        assertThat(jobsThatRan()).as("nothing runs before the user confirms").isZero();
    }

    @Test
    void inANarrowWindowTheBadgeAndTheWholeEstimateStayInSight(FxRobot robot) throws Exception {
        robot.interact(() -> tab.getTabPane().getScene().getWindow().setWidth(700));
        robot.interact(() -> tab.editor().replaceText(HUGE));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.model().estimateProperty().get().startsWith("Over the cap"));
        WaitForAsyncUtils.waitForFxEvents();

        double sceneWidth = tab.getTabPane().getScene().getWidth();
        Label badge = robot.lookup(".production-badge").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("Analytics · PRODUCTION");
        assertThat(inScene(badge).getMaxX()).as("the production badge is drawn whole").isLessThanOrEqualTo(sceneWidth);
        assertThat(badge.getWidth()).isGreaterThanOrEqualTo(badge.prefWidth(-1) - 0.5);

        Label estimate = robot.lookup("#estimate").queryAs(Label.class);
        javafx.scene.text.Text whole = new javafx.scene.text.Text(estimate.getText());
        whole.setFont(estimate.getFont());
        assertThat(estimate.isVisible()).isTrue();
        assertThat(estimate.getWidth()).as("the estimate has room for all its text")
                .isGreaterThan(whole.getLayoutBounds().getWidth());
        assertThat(inScene(estimate).getMinY()).as("the estimate is under the editor")
                .isGreaterThan(inScene(tab.editor()).getMaxY() - 1);
        assertThat(estimate.getTooltip().getText()).isEqualTo(tab.model().estimateProperty().get());
        robot.interact(() -> Snapshots.save(tab.getTabPane().getScene(), "workbench-bigquery-estimate-narrow"));

        robot.interact(() -> tab.editor().replaceText(""));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.model().estimateProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(estimate.isVisible()).as("no estimate, no line").isFalse();
    }
}
