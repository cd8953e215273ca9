package dev.sextant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.app.AppPaths;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.SchemaCache;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.SchemaMatch;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.testing.SchemaModels;
import dev.sextant.testing.TestSample;
import dev.sextant.ui.connections.ConnectionsModel;
import dev.sextant.ui.editor.QueryTab;
import dev.sextant.ui.explorer.ExplorerNode;
import dev.sextant.ui.window.Theme;
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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The schema explorer on the sample: filter, find, definitions, context actions, the cache and the window state. */
@ExtendWith(ApplicationExtension.class)
class SchemaExplorerTest {

    @TempDir
    static Path dir;
    private static int run;
    private AppPaths paths;
    private UiFixture ui;

    @Start
    void start(Stage stage) {
        paths = TestSample.homeWithSample(dir.resolve("run" + (++run)));
        ui = new UiFixture(new FxRobot(), stage, paths, new FakeKeychain());
    }

    @AfterEach
    void stop() {
        if (ui != null) {
            ui.close();
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private TreeItem<ExplorerNode> selected() {
        return ui.window.tree().getSelectionModel().getSelectedItem();
    }

    @Test
    void theFilterNarrowsTheTreeAndFindOpensItDownToTheObjectWithItsDefinition(FxRobot robot) throws Exception {
        ui.waitForConnections(1);
        ui.expand("PUBLIC");

        robot.clickOn("#schema-filter").write("email");
        UiFixture.waitUntil(() -> text(robot, "#filter-status") != null && text(robot, "#filter-status").endsWith("matches"));
        assertThat(text(robot, "#filter-status")).isEqualTo("2 matches");
        assertThat(((ExplorerNode) ui.treeCell("EMAIL").getTreeItem().getParent().getValue()).label()).isEqualTo("CUSTOMERS");
        assertThat(((ExplorerNode) ui.treeCell("CONTACT_EMAIL").getTreeItem().getParent().getValue()).label()).isEqualTo("SUPPLIERS");
        assertThat(ui.findCell(".schema-tree .tree-cell", "ORDERS")).as("tables without a match are left out").isNull();
        ui.snapshot("tree-filtered-light");
        robot.interact(() -> robot.lookup("#schema-filter").queryAs(TextField.class).clear());
        UiFixture.waitUntil(() -> ui.findCell(".schema-tree .tree-cell", "ORDERS") == null
                && ui.findCell(".schema-tree .tree-cell", "Tables") != null);
        assertThat(robot.lookup("#filter-status").queryAs(Label.class).isVisible()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        UiFixture.waitUntil(() -> robot.lookup("#find-object").query().isVisible());
        robot.write("order_items");
        UiFixture.waitUntil(() -> !ui.window.side().explorer().findBar().hits().getItems().isEmpty());
        SchemaMatch first = ui.window.side().explorer().findBar().hits().getItems().get(0);
        assertThat(first.name()).isEqualTo("ORDER_ITEMS");
        assertThat(first.kind()).isEqualTo(ObjectKind.TABLE);
        ui.snapshot("find-object-light");
        assertThat(robot.lookup("#find-object-hits .scroll-bar").queryAllAs(javafx.scene.control.ScrollBar.class).stream()
                .anyMatch(bar -> bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible()))
                .as("long names are not scrolled sideways").isFalse();
        robot.type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> selected() != null && selected().getValue().label().equals("ORDER_ITEMS"));
        assertThat(robot.lookup("#find-object").query().isVisible()).isFalse();
        assertThat(text(robot, "#property-name")).isEqualTo("ORDER_ITEMS");
        assertThat(text(robot, "#property-primary-key")).contains("ORDER_ID");

        robot.clickOn(ui.treeCell("ORDER_ITEMS"));
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        robot.clickOn("Show definition");
        String definition = ui.window.side().explorer().details().definition().getText();
        assertThat(definition).contains("CREATE TABLE PUBLIC.ORDER_ITEMS (").contains("FOREIGN KEY");
        int create = definition.indexOf("CREATE TABLE");
        assertThat(ui.window.side().explorer().details().definition().getStyleOfChar(create + 1)).contains("sql-keyword");
        assertThat(ui.window.side().explorer().details().definition().isEditable()).isFalse();
        ui.snapshot("definition-light");

        robot.clickOn(ui.treeCell("ORDER_ITEMS"));
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        robot.clickOn("Select the first 200 rows");
        UiFixture.waitUntil(() -> ui.window.tabs().getTabs().size() == 1);
        QueryTab tab = (QueryTab) ui.window.tabs().getTabs().get(0);
        assertThat(tab.editor().getText()).isEqualTo("SELECT * FROM PUBLIC.ORDER_ITEMS LIMIT 200");
        UiFixture.waitUntil(() -> tab.model().pageProperty().get() != null && !tab.model().runningProperty().get());
        assertThat(tab.model().pageProperty().get().rows()).hasSize(200);

        // a view's definition is the database's own text; a column in a nested path is found by its name
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.interact(() -> ui.window.side().explorer().findBar().input().setText("monthly_revenue"));
        UiFixture.waitUntil(() -> !ui.window.side().explorer().findBar().hits().getItems().isEmpty()
                && ui.window.side().explorer().findBar().hits().getItems().get(0).name().equals("MONTHLY_REVENUE"));
        robot.type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> selected() != null && selected().getValue().label().equals("MONTHLY_REVENUE"));
        assertThat(ui.window.side().explorer().details().definition().getText())
                .startsWith("CREATE VIEW ANALYTICS.MONTHLY_REVENUE AS\n").containsIgnoringCase("select");
    }

    @Test
    void nestedRecordFieldsOpenAsChildRowsAndAreFoundByName(FxRobot robot) throws Exception {
        ui.waitForConnections(1);
        ExternalDatabaseConfig warehouse = ui.sextant.catalog().create(ExternalDatabaseConfig.create("Warehouse", "h2",
                Map.of("path", "mem:never_opened"), ConnectionKind.TEST));
        // the tree of a scan with record columns, as a dataset scan hands it over, from the cache alone
        SchemaCache cache = ui.sextant.schemaCache();
        cache.putSchemaList(warehouse.id(), false, List.of(SchemaModels.everyKind().ref()), Instant.now().minusSeconds(180));
        cache.putSchemas(warehouse.id(), List.of(SchemaModels.everyKind()), Instant.now().minusSeconds(180));
        robot.interact(() -> ui.window.connections().model().reload());
        ui.waitForConnections(2);
        robot.interact(() -> ui.window.connections().model().select(ui.connection("Warehouse")));

        ui.expand("shop");
        assertThat(text(robot, "#scanned-at")).isEqualTo("· scanned 3 min ago");
        ui.expand("Tables");
        ui.expand("customers");
        ui.expand("address");
        assertThat(((ExplorerNode) ui.treeCell("address").getTreeItem().getValue()).detail()).isEqualTo("record · 2 fields");
        ui.expand("geo");
        TreeItem<?> lat = ui.treeCell("lat").getTreeItem();
        assertThat(((ExplorerNode) lat.getValue()).path()).isEqualTo("address.geo.lat");
        assertThat(((ExplorerNode) lat.getValue()).detail()).isEqualTo("float64");
        assertThat(ui.sextant.workspace().isConnected(warehouse)).as("all of it came from the cache").isFalse();
        ui.snapshot("tree-nested-light");
        robot.interact(() -> Theme.applyDark(true));
        ui.snapshot("tree-nested-dark");
        robot.interact(() -> Theme.applyDark(false));

        robot.interact(() -> ui.window.tree().getRoot().getChildren().get(0).setExpanded(false));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.write("lon");
        UiFixture.waitUntil(() -> !ui.window.side().explorer().findBar().hits().getItems().isEmpty());
        assertThat(ui.window.side().explorer().findBar().hits().getItems().get(0).name()).isEqualTo("address.geo.lon");
        robot.type(KeyCode.ENTER);
        UiFixture.waitUntil(() -> selected() != null && selected().getValue().path().equals("address.geo.lon"));
        assertThat(ui.window.tree().getRow(selected())).isPositive();

        robot.clickOn("#schema-filter").write("lat");
        UiFixture.waitUntil(() -> "1 match".equals(text(robot, "#filter-status")));
        assertThat(((ExplorerNode) ui.treeCell("lat").getTreeItem().getParent().getValue()).label()).isEqualTo("geo");
    }

    @Test
    void renamingKeepsTheTreeButPointingTheConnectionElsewhereDropsItsCache(FxRobot robot) throws Exception {
        ui.waitForConnections(1);
        ExternalDatabaseConfig warehouse = ui.sextant.catalog().create(ExternalDatabaseConfig.create("Warehouse", "h2",
                Map.of("path", "mem:elsewhere_" + run), ConnectionKind.TEST));
        SchemaCache cache = ui.sextant.schemaCache();
        cache.putSchemaList(warehouse.id(), false, List.of(SchemaModels.everyKind().ref()), Instant.now());
        cache.putSchemas(warehouse.id(), List.of(SchemaModels.everyKind()), Instant.now());
        robot.interact(() -> ui.window.connections().model().reload());
        ui.waitForConnections(2);
        robot.interact(() -> ui.window.connections().model().select(ui.connection("Warehouse")));
        ui.expand("shop");

        robot.interact(() -> ui.window.connections().edit(ui.connection("Warehouse")));
        UiFixture.waitShown(robot, "#conn-name");
        robot.interact(() -> robot.lookup("#conn-name").queryAs(TextField.class).setText("Warehouse EU"));
        robot.clickOn("#save-connection");
        UiFixture.waitUntil(() -> ui.window.connections().getItems().stream().anyMatch(c -> c.name().equals("Warehouse EU")));
        // the list shows the saved name first; the tree hears of it through the selection a moment later
        UiFixture.waitUntil(() -> "Warehouse EU".equals(ui.window.tree().getRoot().getValue().label()));
        assertThat(ui.treeCell("shop").getTreeItem().isExpanded()).as("a new name keeps the tree").isTrue();
        assertThat(cache.schemaList(warehouse.id(), false)).isPresent();

        robot.interact(() -> ui.window.connections().edit(ui.connection("Warehouse EU")));
        UiFixture.waitShown(robot, "#field-path");
        robot.interact(() -> robot.lookup("#field-path").queryAs(TextField.class).setText("mem:another_" + run));
        robot.clickOn("#save-connection");
        UiFixture.waitUntil(() -> ui.findCell(".schema-tree .tree-cell", "PUBLIC") != null);
        assertThat(ui.findCell(".schema-tree .tree-cell", "shop")).as("the tree of the database it points at now").isNull();
        assertThat(cache.schemas(warehouse.id())).extracting(e -> e.value().name()).doesNotContain("shop");
    }

    @Test
    void reopeningShowsTheCachedTreeAtOnceAndRestoresTheWindow(FxRobot robot) throws Exception {
        ui.waitForConnections(1);
        ui.expand("PUBLIC");
        ui.expand("Tables");
        ExternalDatabaseConfig sample = ui.connection("Sample");
        robot.interact(() -> {
            ui.window.newQuery().editor().replaceText("SELECT 42 AS answer");
            ui.window.stateKeeper().chooseTheme(Theme.DARK);
            ui.window.side().setDividerPositions(0.4);
            ui.window.connections().model().disconnect(sample);
        });
        UiFixture.waitUntil(() -> !ui.sextant.workspace().isConnected(sample));
        robot.interact(() -> ui.window.saveState());
        ui.close();
        ui = null;

        // the next start: same data folder
        robot.interact(() -> ui = new UiFixture(robot, new Stage(), paths, new FakeKeychain()));
        ui.waitForConnections(1);
        UiFixture.waitUntil(() -> ui.window.tabs().getTabs().size() == 1);
        assertThat(((QueryTab) ui.window.tabs().getTabs().get(0)).editor().getText()).isEqualTo("SELECT 42 AS answer");
        // the editor tabs and the window's layout come back from the store independently, each in the background
        UiFixture.waitUntil(() -> Math.abs(ui.window.side().getDividerPositions()[0] - 0.4) < 0.02);
        assertThat(ui.window.stateKeeper().theme()).isEqualTo(Theme.DARK);
        ui.expand("PUBLIC");
        ui.expand("Tables");
        assertThat(ui.treeCell("ORDER_ITEMS")).isNotNull();
        assertThat(text(robot, "#scanned-at")).isIn("· scanned just now", "· scanned 1 min ago");
        assertThat(ui.sextant.workspace().isConnected(sample)).as("the tree came from the cache").isFalse();
        ui.snapshot("tree-from-cache-dark");

        robot.type(KeyCode.F5);
        UiFixture.waitUntil(() -> ui.window.connections().model().state(sample) == ConnectionsModel.State.CONNECTED);
        UiFixture.waitUntil(() -> ui.findCell(".schema-tree .tree-cell", "ORDER_ITEMS") != null);
        assertThat(ui.treeCell("Tables").getTreeItem().isExpanded()).as("a refresh keeps open rows open").isTrue();
        robot.interact(() -> ui.window.saveState());
        ui.close();

        robot.interact(() -> ui = new UiFixture(robot, new Stage(), paths, new FakeKeychain()));
        UiFixture.waitUntil(() -> ui.window.connections().getItems().size() == 1
                && ui.window.connections().model().state(ui.connection("Sample")) == ConnectionsModel.State.CONNECTED);
        assertThat(ui.sextant.workspace().isConnected(ui.connection("Sample"))).as("open connections are opened again").isTrue();
    }
}
