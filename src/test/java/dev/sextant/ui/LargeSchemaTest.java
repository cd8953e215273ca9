package dev.sextant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.SchemaCache;
import dev.sextant.schema.Schema;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.testing.FxWatchdog;
import dev.sextant.testing.SchemaModels;
import dev.sextant.testing.TestSample;
import dev.sextant.ui.explorer.ExplorerNode;
import dev.sextant.ui.explorer.SchemaTree;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A schema of 5,000 tables of 10 columns in the tree: opening, scrolling, filtering and finding never keep
 * the JavaFX thread busy for 100 ms (measured by the watchdog). How fast the filter answers is measured
 * by ExplorerFilterBenchmark, not here.
 */
@ExtendWith(ApplicationExtension.class)
class LargeSchemaTest {

    @TempDir
    static Path dir;
    private UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = new UiFixture(new FxRobot(), stage, TestSample.homeWithSample(dir), new FakeKeychain());
    }

    @AfterEach
    void stop() {
        ui.close();
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private SchemaTree tree() {
        return ui.window.tree();
    }

    private void waitForFilter(FxRobot robot, String expectedStatus) throws Exception {
        UiFixture.waitUntil(() -> expectedStatus.equals(robot.lookup("#filter-status").queryAs(Label.class).getText())
                && !(tree().getRoot() instanceof dev.sextant.ui.explorer.LazyTreeItem));
    }

    @Test
    void fiveThousandTablesOpenScrollFilterAndFindWithoutStallingTheFxThread(FxRobot robot) throws Exception {
        ui.waitForConnections(1);
        ExternalDatabaseConfig big = ui.sextant.catalog().create(ExternalDatabaseConfig.create("Big", "h2",
                Map.of("path", "mem:never_opened"), ConnectionKind.DEVELOPMENT));
        Schema schema = SchemaModels.large("big", 5_000, 10);
        SchemaCache cache = ui.sextant.schemaCache();
        cache.putSchemaList(big.id(), false, List.of(schema.ref()), Instant.now());
        cache.putSchemas(big.id(), List.of(schema), Instant.now());
        robot.interact(() -> ui.window.connections().model().reload());
        ui.waitForConnections(2);

        long longest;
        long probes;
        long gcBefore = gcMillis();
        try (FxWatchdog watchdog = FxWatchdog.start()) {
            robot.interact(() -> ui.window.connections().model().select(ui.connection("Big")));
            ui.expand("big");
            ui.expand("Tables");
            TreeItem<ExplorerNode> tables = tree().getSelectionModel().getSelectedItem();
            assertThat(tables.getChildren()).hasSize(5_000);
            long afterOpen = watchdog.maxStallMillis();

            for (int row : new int[] {1_000, 2_500, 4_000, 5_001}) {
                robot.interact(() -> tree().scrollTo(row));
            }
            for (int i = 0; i < 20; i++) {
                TreeItem<ExplorerNode> table = tables.getChildren().get(i * 250);
                robot.interact(() -> table.setExpanded(true));
            }
            robot.interact(() -> tree().scrollTo(0));
            long afterScroll = watchdog.maxStallMillis();

            robot.clickOn("#schema-filter");
            for (String typed : List.of("c", "0", "5", "_", "t", "0", "4", "2")) {
                robot.write(typed);
            }
            waitForFilter(robot, "100 matches"); // c05_t04200 … c05_t04299
            assertThat(tree().getRoot().getChildren().get(0).getChildren().get(0).getChildren()).hasSize(100);
            robot.interact(() -> robot.lookup("#schema-filter").queryAs(TextField.class).setText("t"));
            waitForFilter(robot, "5,000 matches"); // every table, with its columns inside
            robot.interact(() -> robot.lookup("#schema-filter").queryAs(TextField.class).clear());
            UiFixture.waitUntil(() -> tree().getRoot().getValue().role() == ExplorerNode.Role.CONNECTION
                    && tree().getRoot() instanceof dev.sextant.ui.explorer.LazyTreeItem);
            long afterFilter = watchdog.maxStallMillis();

            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
            robot.write("c07_t04999");
            UiFixture.waitUntil(() -> !ui.window.side().explorer().findBar().hits().getItems().isEmpty());
            robot.type(KeyCode.ENTER);
            UiFixture.waitUntil(() -> tree().getSelectionModel().getSelectedItem() != null
                    && tree().getSelectionModel().getSelectedItem().getValue().label().equals("c07_t04999"));

            longest = watchdog.maxStallMillis();
            probes = watchdog.probes();
            LoggerFactory.getLogger(LargeSchemaTest.class).info("FX watchdog on 5,000 tables x 10 columns: longest stall "
                    + "{} ms (after opening {} ms, scrolling and opening tables {} ms, filtering {} ms) over {} probes; "
                    + "garbage collection took {} ms in all meanwhile", longest, afterOpen, afterScroll, afterFilter, probes,
                    gcMillis() - gcBefore);
        }
        ui.snapshot("tree-large-found"); // drawing a snapshot takes the FX thread a while: outside the watchdog
        assertThat(probes).isGreaterThan(100);
        assertThat(longest).as("longest FX thread stall in ms").isLessThan(100);
    }
}
