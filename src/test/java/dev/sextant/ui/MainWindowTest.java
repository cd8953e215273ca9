package dev.sextant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.app.AppPaths;
import dev.sextant.app.Sextant;
import dev.sextant.query.ResultPageView;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.secret.SecretStore;
import dev.sextant.testing.FxWatchdog;
import dev.sextant.testing.Snapshots;
import dev.sextant.testing.TestSample;
import dev.sextant.ui.editor.QueryTab;
import dev.sextant.ui.explorer.ExplorerNode;
import dev.sextant.ui.results.ResultGrid;
import dev.sextant.ui.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TreeCell;
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
import org.testfx.util.WaitForAsyncUtils;

/** The main window on the built-in sample, driven like a user would, rendered headless by Monocle. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path dir;
    private static int run;

    private MainWindow window;
    private Sextant sextant;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) {
        AppPaths paths = TestSample.homeWithSample(dir.resolve("run" + (++run)));
        sextant = new Sextant(paths, new SecretStore(new FakeKeychain()));
        executor = new FxTaskExecutor();
        window = new MainWindow(new UiContext(sextant.workspace(), sextant::start, sextant::catalog, "test",
                sextant::auditLog, sextant::schemaCache, sextant::uiState, sextant::workbench), executor);
        stage.setScene(SextantApplication.createScene(window));
        stage.show();
        window.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            window.closeAll();
            // tooltips and menus of this test must not cover the next test's window
            List.copyOf(javafx.stage.Window.getWindows()).stream()
                    .filter(w -> w instanceof javafx.stage.PopupWindow || w instanceof javafx.stage.Stage s && s.getOwner() != null)
                    .forEach(javafx.stage.Window::hide);
        });
        executor.close();
        sextant.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            LoggerFactory.getLogger(MainWindowTest.class).warn("Timed out; windows: {}", javafx.stage.Window.getWindows().stream()
                    .map(w -> w.getClass().getSimpleName() + "@" + w.getX() + "," + w.getY() + " " + w.getWidth() + "x" + w.getHeight()
                            + (w.isShowing() ? " showing" : "") + (w.isFocused() ? " focused" : "")).toList());
            throw e;
        }
    }

    private TreeCell<?> treeCell(FxRobot robot, String label) throws TimeoutException {
        try {
            waitUntil(() -> findTreeCell(robot, label) != null);
        } catch (TimeoutException e) {
            robot.interact(() -> Snapshots.save(window.getScene(), "tree-cell-timeout"));
            throw e;
        }
        return findTreeCell(robot, label);
    }

    private static TreeCell<?> findTreeCell(FxRobot robot, String label) {
        return UiFixture.onFxThread(() -> findTreeCellNow(robot, label));
    }

    private static TreeCell<?> findTreeCellNow(FxRobot robot, String label) {
        Set<Node> cells = robot.lookup(".tree-cell").queryAll();
        for (Node n : cells) {
            TreeCell<?> cell = (TreeCell<?>) n;
            if (cell.getItem() instanceof ExplorerNode node && node.label().equals(label) && UiFixture.shown(cell)) {
                return cell;
            }
        }
        return null;
    }

    private void expand(FxRobot robot, String label) throws TimeoutException {
        TreeCell<?> cell = treeCell(robot, label);
        robot.clickOn(cell);
        var item = cell.getTreeItem();
        robot.type(KeyCode.RIGHT); // the keyboard way to open a tree node
        robot.moveTo("#app-status"); // no tooltip of a hovered node may cover the next click
        waitUntil(() -> item.isExpanded() && item.getChildren().stream()
                .noneMatch(c -> ((ExplorerNode) c.getValue()).role() == ExplorerNode.Role.LOADING));
    }

    private QueryTab currentTab() {
        return (QueryTab) window.tabs().getSelectionModel().getSelectedItem();
    }

    private ResultPageView page() {
        return currentTab().model().pageProperty().get();
    }

    private void waitForIdle(QueryTab tab) throws TimeoutException {
        waitUntil(() -> !tab.model().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String statusOf(FxRobot robot) {
        return robot.lookup("#query-status").queryAs(Label.class).getText();
    }

    @Test
    void expandsTheSampleTreeDownToAColumnWithItsTypeAndKeyMarker(FxRobot robot) throws Exception {
        expand(robot, "PUBLIC");
        expand(robot, "Tables");
        expand(robot, "CUSTOMERS");

        TreeCell<?> id = treeCell(robot, "ID");
        ExplorerNode column = (ExplorerNode) id.getItem();
        assertThat(column.role()).isEqualTo(ExplorerNode.Role.COLUMN);
        assertThat(column.detail()).isEqualTo("bigint · PK");
        ExplorerNode region = (ExplorerNode) treeCell(robot, "REGION_ID").getItem();
        assertThat(region.detail()).isEqualTo("integer · FK · not null");
        Set<Node> cells = robot.lookup(".tree-cell").queryAll();
        assertThat(cells).noneMatch(n -> n.getStyleClass().contains("error-node"));
        robot.interact(() -> Snapshots.save(window.getScene(), "tree-expanded"));

        assertThat(findTreeCell(robot, "INFORMATION_SCHEMA")).as("system schemas are hidden by default").isNull();
        robot.clickOn("#system-schemas");
        assertThat(treeCell(robot, "INFORMATION_SCHEMA")).isNotNull();
    }

    @Test
    void doubleClickingATableRunsItsQueryAndPagesForwardAndBack(FxRobot robot) throws Exception {
        expand(robot, "PUBLIC");
        expand(robot, "Tables");
        robot.doubleClickOn(treeCell(robot, "ORDERS"));

        try {
            waitUntil(() -> window.tabs().getTabs().size() == 1 && page() != null);
        } catch (TimeoutException e) {
            robot.interact(() -> Snapshots.save(window.getScene(), "double-click-timeout"));
            throw e;
        }
        QueryTab tab = currentTab();
        waitForIdle(tab);
        assertThat(tab.editor().getText()).isEqualTo("SELECT * FROM PUBLIC.ORDERS");
        assertThat(page().rows()).hasSize(200);
        assertThat(statusOf(robot)).startsWith("Rows 1–200 · more rows remain");
        ResultGrid grid = tab.grid();
        assertThat(grid.getItems()).hasSize(200);
        assertThat(grid.getColumns()).hasSize(8); // row number and the seven columns of ORDERS
        robot.interact(() -> Snapshots.save(window.getScene(), "query-result-page-1"));

        robot.clickOn("#next-page");
        waitForIdle(tab);
        assertThat(page().firstRow()).isEqualTo(200);
        assertThat(statusOf(robot)).startsWith("Rows 201–400 · more rows remain");
        assertThat(grid.getItems().get(0)[0]).isEqualTo(201L);

        robot.clickOn("#previous-page");
        waitForIdle(tab);
        assertThat(page().firstRow()).isZero();
        assertThat(statusOf(robot)).startsWith("Rows 1–200");
        assertThat(grid.getItems().get(0)[0]).isEqualTo(1L);

        robot.interact(() -> {
            grid.getSelectionModel().clearSelection();
            grid.getSelectionModel().select(0, grid.getColumns().get(1));
            grid.getSelectionModel().select(0, grid.getColumns().get(4));
            grid.getSelectionModel().select(1, grid.getColumns().get(6));
        });
        assertThat(grid.selectionAsText()).isEqualTo("1\tSHIPPED\n\n");
    }

    @Test
    void nullIsShownApartFromTheTextNull(FxRobot robot) throws Exception {
        QueryTab tab = openQuery(robot, "SELECT ID, NOTES FROM CUSTOMERS WHERE ID IN (1, 43) ORDER BY ID");
        waitForIdle(tab);

        List<TableCell<?, ?>> notes = robot.lookup(".result-grid .table-cell").queryAll().stream()
                .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && "col-NOTES".equals(c.getTableColumn().getId()) && !c.isEmpty())
                .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                .toList();
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0).getText()).isEqualTo("NULL");
        assertThat(notes.get(0).getStyleClass()).contains(ResultGrid.NULL_STYLE);
        assertThat(notes.get(1).getText()).isEqualTo("NULL");
        assertThat(notes.get(1).getStyleClass()).doesNotContain(ResultGrid.NULL_STYLE);
    }

    @Test
    void badSqlShowsTheDatabaseMessageAndMarksThePosition(FxRobot robot) throws Exception {
        String sql = "SELECT ID, FULL_NAME\nFROM CUSTOMERS\nWHER ID = 1";
        QueryTab tab = openQuery(robot, sql);
        waitForIdle(tab);

        Label message = robot.lookup("#error-message").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).startsWith("Syntax error in SQL statement");
        int marked = sql.indexOf("ID = 1");
        assertThat(tab.editor().getStyleOfChar(marked)).contains("error-mark");
        assertThat(tab.editor().getStyleOfChar(0)).doesNotContain("error-mark");
        assertThat(tab.editor().getCaretPosition()).isEqualTo(marked);
        assertThat(statusOf(robot)).startsWith("SQL error after");
        robot.interact(() -> Snapshots.save(window.getScene(), "query-error"));

        // editing clears the mark, and a good statement replaces the error with rows
        robot.interact(() -> tab.editor().insertText(0, "-- fixed\n"));
        assertThat(tab.editor().getStyleOfChar(marked + "-- fixed\n".length())).doesNotContain("error-mark");
        robot.interact(() -> tab.editor().replaceText("SELECT * FROM REGIONS"));
        robot.clickOn("#run-button");
        waitUntil(() -> tab.model().failure().isEmpty());
        waitForIdle(tab);
        assertThat(tab.model().failure()).map(f -> f.message()).isEmpty();
        assertThat(message.getScene() == null || !message.getParent().isVisible()).isTrue();
        assertThat(page().rows()).hasSize(12);
        assertThat(statusOf(robot)).startsWith("Rows 1–12 of 12");
    }

    @Test
    void cancelStopsALongQueryAndSaysSo(FxRobot robot) throws Exception {
        QueryTab tab = openQuery(robot, "SELECT SUM(A.QUANTITY * B.QUANTITY) FROM ORDER_ITEMS A, ORDER_ITEMS B");
        waitUntil(() -> tab.model().runningProperty().get());
        Thread.sleep(300);
        assertThat(statusOf(robot)).startsWith("Running…");

        robot.clickOn("#cancel-button");
        waitForIdle(tab);

        assertThat(statusOf(robot)).startsWith("Cancelled after");
        assertThat(tab.model().failure()).hasValueSatisfying(f -> assertThat(f.title()).isEqualTo("Cancelled"));
    }

    @Test
    void pagingThroughAHundredThousandRowsNeverStallsTheFxThread(FxRobot robot) throws Exception {
        QueryTab tab = openQuery(robot, "SELECT * FROM ORDER_ITEMS");
        waitForIdle(tab);
        robot.moveTo("#app-status");
        robot.interact(() -> tab.model().changePageSize(1000));
        waitForIdle(tab);

        try (FxWatchdog watchdog = FxWatchdog.start()) {
            int pages = 1;
            while (page().hasNextPage()) {
                robot.interact(() -> tab.model().nextPage());
                waitForIdle(tab);
                pages++;
            }
            for (int i = 0; i < 20; i++) {
                robot.interact(() -> tab.model().previousPage());
                waitForIdle(tab);
            }
            assertThat(pages).isEqualTo(120);
            assertThat(page().firstRow()).isEqualTo(99_000);
            assertThat(statusOf(robot)).startsWith("Rows 99,001–100,000 of 120,000");
            LoggerFactory.getLogger(MainWindowTest.class).info(
                    "FX watchdog while paging 120,000 rows: longest stall {} ms over {} probes",
                    watchdog.maxStallMillis(), watchdog.probes());
            assertThat(watchdog.probes()).isGreaterThan(50);
            assertThat(watchdog.maxStallMillis()).as("longest FX thread stall in ms").isLessThan(100);
        }
    }

    @Test
    void ctrlTOpensAQueryTabAndCtrlEnterRunsIt(FxRobot robot) throws Exception {
        waitUntil(() -> !window.connections().getItems().isEmpty());
        robot.clickOn("#connection-list");
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        waitUntil(() -> window.tabs().getTabs().size() == 1);
        QueryTab tab = currentTab();
        robot.clickOn("#sql-editor");
        robot.write("SELECT NAME FROM REGIONS ORDER BY ID");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> page() != null);
        waitForIdle(tab);

        assertThat(page().rows().get(0)[0]).isEqualTo("Nordics");
    }

    @Test
    void partsHiddenAtTheStartJoinTheSceneWhenFirstNeeded(FxRobot robot) throws Exception {
        waitUntil(() -> window.connections().getItems().size() == 1);
        // JavaFX styles every node of the scene and skins every control when the window is first shown, hidden
        // or not: what stays hidden until the user asks for it is kept out of the scene until then
        assertThat(robot.lookup("#editor-tabs").tryQuery()).as("the editor's tab pane before the first tab").isEmpty();
        assertThat(robot.lookup("#find-object-hits").tryQuery()).as("find object's list before it is opened").isEmpty();

        robot.clickOn("#connection-list");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#find-object-hits").tryQuery().map(Node::isVisible).orElse(false));
        robot.write("REGIONS");
        waitUntil(() -> robot.lookup("#find-object-status").queryAs(Label.class).getText().endsWith("object"));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> !robot.lookup("#find-object").query().isVisible());

        robot.clickOn("#connection-list");
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#editor-tabs").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(window.tabs().getTabs()).hasSize(1);
        assertThat(robot.lookup("#sql-editor").tryQuery()).as("the new tab's editor is in the scene").isPresent();
    }

    @Test
    void aToolbarButtonsTooltipIsMadeWhenTheMouseFirstRestsOnIt(FxRobot robot) throws Exception {
        javafx.scene.control.Button refresh = robot.lookup((Node n) -> n instanceof javafx.scene.control.Button b
                && "Refresh".equals(b.getText())).queryButton();
        assertThat(refresh.getTooltip()).as("no tooltip is made before it is wanted").isNull();
        assertThat(refresh.getAccessibleHelp()).as("screen readers have the text meanwhile").isEqualTo("Read the schema again (F5)");

        robot.moveTo(refresh).moveBy(3, 1);
        waitUntil(() -> refresh.getTooltip() != null && refresh.getTooltip().isShowing());
        assertThat(refresh.getTooltip().getText()).isEqualTo("Read the schema again (F5)");
        robot.moveTo("#app-status");
    }

    @Test
    void connectionsExportAndImportBackWithAPreview(FxRobot robot) throws Exception {
        waitUntil(() -> window.connections().getItems().size() == 1);
        Path file = dir.resolve("export-" + run + ".json");
        robot.interact(() -> window.transfer().exportTo(file));
        waitUntil(() -> Files.exists(file) && Files.size(file) > 0);
        assertThat(Files.readString(file)).contains("\"name\" : \"Sample\"");
        Files.writeString(file, Files.readString(file).replace("\"name\" : \"Sample\"", "\"name\" : \"Sample again\""));

        robot.interact(() -> window.transfer().importFrom(file));
        UiFixture.waitShown(robot, "#import-header");
        assertThat(robot.lookup("#import-header").queryAs(Label.class).getText())
                .isEqualTo("Import 1 new connection?");
        assertThat(ConnectionTransferBar.importQuestion(2, 1)).isEqualTo("Import 2 new and replace 1 existing connection?");
        assertThat(ConnectionTransferBar.importQuestion(0, 3)).isEqualTo("Replace 3 existing connections?");
        assertThat(robot.lookup("#import-items").queryAs(Label.class).getText()).isEqualTo("Add Sample again (h2)");
        assertThat(window.connections().getItems()).as("nothing is written before the user confirms").hasSize(1);
        robot.interact(() -> robot.lookup(".side-panel").queryAs(javafx.scene.Parent.class).applyCss());
        robot.interact(() -> Snapshots.save(window.getScene(), "import-preview"));
        // the longest question wraps in the side panel instead of being cut short
        Label header = robot.lookup("#import-header").queryAs(Label.class);
        String longest = ConnectionTransferBar.importQuestion(12, 3);
        robot.interact(() -> {
            header.setText(longest);
            window.getScene().getRoot().applyCss();
            window.getScene().getRoot().layout();
        });
        assertThat(((javafx.scene.text.Text) header.lookup(".text")).getText()).as("shown whole").isEqualTo(longest);
        robot.interact(() -> header.setText(ConnectionTransferBar.importQuestion(1, 0)));
        robot.clickOn("#import-confirm");

        waitUntil(() -> window.connections().getItems().size() == 2);
        assertThat(window.connections().getItems()).extracting(c -> c.name()).containsExactly("Sample", "Sample again");
        assertThat(robot.lookup("#keychain-notice").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void aBadImportFileIsExplainedInlineAndImportsNothing(FxRobot robot) throws Exception {
        waitUntil(() -> window.connections().getItems().size() == 1);
        Path file = Files.writeString(dir.resolve("bad-" + run + ".json"),
                "{\"format\": \"sextant-connections\", \"version\": 1, \"connections\": [{\"name\": \"W\", \"type\": \"oracle\"}]}");

        robot.interact(() -> window.transfer().importFrom(file));

        UiFixture.waitShown(robot, "#transfer-error");
        assertThat(robot.lookup("#transfer-error-title").queryAs(Label.class).getText()).isEqualTo("Nothing was imported");
        assertThat(robot.lookup("#transfer-error").queryAs(Label.class).getText())
                .startsWith("Entry 1 ('W'): Unknown connection type 'oracle'");
        assertThat(window.connections().getItems()).hasSize(1);
    }

    @Test
    void aPostgresConnectionBrowsesAndQueriesThroughTheSameWindow(FxRobot robot) throws Exception {
        String db = dev.sextant.testing.TestPostgres.newDatabase("gui");
        dev.sextant.testing.TestPostgres.execute(db, "CREATE SCHEMA sales",
                "CREATE TABLE sales.invoices (id int PRIMARY KEY, amount numeric(10, 2), paid_at timestamptz)",
                "INSERT INTO sales.invoices SELECT g, g * 1.5, NULL FROM generate_series(1, 450) g");
        waitUntil(() -> window.connections().getItems().size() == 1);
        Path file = Files.writeString(dir.resolve("pg-" + run + ".json"), "{\"format\": \"sextant-connections\", \"version\": 1, "
                + "\"connections\": [{\"name\": \"Local Postgres\", \"type\": \"postgresql\", \"kind\": \"production\", "
                + "\"parameters\": {\"host\": \"127.0.0.1\", \"port\": \"" + dev.sextant.testing.TestPostgres.port()
                + "\", \"database\": \"" + db + "\", \"user\": \"postgres\", \"sslMode\": \"disable\"}}]}");
        robot.interact(() -> window.transfer().importFrom(file));
        UiFixture.waitShown(robot, "#import-confirm");
        robot.clickOn("#import-confirm");
        waitUntil(() -> window.connections().getItems().size() == 2);

        robot.interact(() -> window.connections().model().select(
                window.connections().getItems().stream().filter(c -> c.name().equals("Local Postgres")).findFirst().orElseThrow()));
        expand(robot, "sales");
        expand(robot, "Tables");
        robot.clickOn(treeCell(robot, "invoices"));
        robot.type(KeyCode.ENTER);

        waitUntil(() -> window.tabs().getTabs().size() == 1 && page() != null);
        waitForIdle(currentTab());
        assertThat(currentTab().editor().getText()).isEqualTo("SELECT * FROM sales.invoices");
        assertThat(currentTab().getStyleClass()).contains("production");
        assertThat(statusOf(robot)).startsWith("Rows 1–200 · more rows remain");
        robot.interact(() -> currentTab().model().nextPage());
        waitForIdle(currentTab());
        robot.interact(() -> currentTab().model().nextPage());
        waitForIdle(currentTab());
        assertThat(statusOf(robot)).startsWith("Rows 401–450 of 450");
        robot.interact(() -> Snapshots.save(window.getScene(), "postgres-result"));
    }

    @Test
    void aBigQueryConnectionShowsNestedFieldsAndPagesItsResult(FxRobot robot) throws Exception {
        try (dev.sextant.testing.BigQueryStandIn standIn = new dev.sextant.testing.BigQueryStandIn(new dev.sextant.testing.BigQueryFixture())) {
            Path keyFile = Files.writeString(dir.resolve("bq-key-" + run + ".json"),
                    dev.sextant.testing.ServiceAccountKey.create(standIn, "window").json());
            waitUntil(() -> window.connections().getItems().size() == 1);
            Path file = Files.writeString(dir.resolve("bq-" + run + ".json"), "{\"format\": \"sextant-connections\", \"version\": 1, "
                    + "\"connections\": [{\"name\": \"Shop warehouse\", \"type\": \"bigquery\", \"kind\": \"development\", "
                    + "\"parameters\": {\"projectId\": \"" + dev.sextant.testing.BigQueryStandIn.PROJECT + "\", \"endpoint\": \""
                    + standIn.url() + "\", \"authentication\": \"service-account-key-file\", \"keyFile\": \""
                    + keyFile.toString().replace("\\", "\\\\") + "\"}}]}");
            robot.interact(() -> window.transfer().importFrom(file));
            UiFixture.waitShown(robot, "#import-confirm");
            robot.clickOn("#import-confirm");
            waitUntil(() -> window.connections().getItems().size() == 2);

            robot.interact(() -> window.connections().model().select(
                    window.connections().getItems().stream().filter(c -> c.name().equals("Shop warehouse")).findFirst().orElseThrow()));
            expand(robot, "shop");
            expand(robot, "Tables");
            expand(robot, "orders");
            expand(robot, "customer");
            assertThat(((ExplorerNode) treeCell(robot, "address").getItem()).detail()).isEqualTo("struct · 2 fields");
            assertThat(((ExplorerNode) treeCell(robot, "items").getItem()).detail()).isEqualTo("struct · repeated · 3 fields");
            robot.interact(() -> Snapshots.save(window.getScene(), "bigquery-tree"));

            robot.clickOn(treeCell(robot, "orders"));
            robot.type(KeyCode.ENTER);
            waitUntil(() -> window.tabs().getTabs().size() == 1 && page() != null);
            waitForIdle(currentTab());
            assertThat(currentTab().editor().getText()).isEqualTo("SELECT * FROM shop.orders");
            assertThat(statusOf(robot)).startsWith("Rows 1–200 · more rows remain");
            ResultGrid grid = currentTab().grid();
            assertThat(grid.getItems().get(0)[1]).isEqualTo(java.util.Map.of("name", "Customer 1",
                    "address", java.util.Map.of("city", "Porto", "zip", "01001")));
            TableCell<?, ?> customer = robot.lookup(".table-cell").queryAll().stream().map(n -> (TableCell<?, ?>) n)
                    .filter(c -> c.getIndex() == 0 && c.getTableColumn() != null && "col-customer".equals(c.getTableColumn().getId()))
                    .findFirst().orElseThrow();
            assertThat(customer.getText()).isEqualTo("{name: \"Customer 1\", address: {city: \"Porto\", zip: \"01001\"}}");
            robot.interact(() -> {
                grid.getSelectionModel().clearSelection();
                grid.getSelectionModel().select(0, grid.getColumns().get(2));
            });
            assertThat(grid.selectionAsText()).isEqualTo("{\"name\":\"Customer 1\",\"address\":{\"city\":\"Porto\",\"zip\":\"01001\"}}\n");
            robot.interact(() -> Snapshots.save(window.getScene(), "bigquery-result"));

            robot.interact(() -> currentTab().model().nextPage());
            waitForIdle(currentTab());
            robot.interact(() -> currentTab().model().nextPage());
            waitForIdle(currentTab());
            assertThat(statusOf(robot)).startsWith("Rows 401–450 of 450");
        }
    }

    private QueryTab openQuery(FxRobot robot, String sql) throws TimeoutException {
        waitUntil(() -> !window.connections().getItems().isEmpty());
        QueryTab tab = robot.interact(() -> window.newQuery()) == null ? null : currentTab();
        robot.interact(() -> {
            currentTab().editor().replaceText(sql);
            currentTab().editor().requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> currentTab().model().runningProperty().get() || currentTab().model().pageProperty().get() != null
                || currentTab().model().failure().isPresent());
        return tab == null ? currentTab() : tab;
    }
}
