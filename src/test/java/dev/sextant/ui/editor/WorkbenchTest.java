package dev.sextant.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.app.AppPaths;
import dev.sextant.app.Sextant;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.HistoryEntry;
import dev.sextant.query.ProgressListener;
import dev.sextant.query.export.CopyFormat;
import dev.sextant.query.export.ExportFormat;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.secret.SecretStore;
import dev.sextant.sql.Completion;
import dev.sextant.sql.SqlHighlighter;
import dev.sextant.testing.FxWatchdog;
import dev.sextant.testing.PopupSnapshots;
import dev.sextant.testing.Snapshots;
import dev.sextant.testing.TestPostgres;
import dev.sextant.testing.TestSample;
import dev.sextant.ui.MainWindow;
import dev.sextant.ui.SextantApplication;
import dev.sextant.ui.UiContext;
import dev.sextant.ui.results.ResultGrid;
import dev.sextant.ui.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The query workbench against a real PostgreSQL, in the real main window rendered by Monocle, driven
 * with the keyboard and mouse where a user would use them.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchTest {

    @TempDir
    static Path dir;
    private static int run;
    private static String db;

    private MainWindow window;
    private Sextant sextant;
    private FxTaskExecutor executor;

    @BeforeAll
    static void database() {
        db = TestPostgres.newDatabase("workbench");
        TestPostgres.execute(db, "CREATE SCHEMA sales",
                "CREATE TABLE sales.customers (id int PRIMARY KEY, full_name text, email text)",
                "CREATE TABLE sales.orders (id int PRIMARY KEY, customer_id int REFERENCES sales.customers, status text, "
                        + "amount numeric(12,2), ordered_at timestamptz, tags text[], doc jsonb, raw bytea)",
                "INSERT INTO sales.customers SELECT g, 'Customer ' || g, 'c' || g || '@example.com' FROM generate_series(1, 50) g",
                "INSERT INTO sales.orders SELECT g, 1 + g % 50, CASE WHEN g % 3 = 0 THEN 'PAID' ELSE 'OPEN' END, g * 1.25, "
                        + "'2024-03-01 10:00:00+00'::timestamptz + g * interval '1 hour', ARRAY['a', 'b' || g], "
                        + "jsonb_build_object('n', g, 'nested', jsonb_build_object('ok', true)), decode(md5(g::text), 'hex') "
                        + "FROM generate_series(1, 500) g",
                "CREATE TABLE sales.scratch (id int PRIMARY KEY, note text)",
                "INSERT INTO sales.scratch VALUES (1, 'keep me'), (2, 'two')");
    }

    @Start
    void start(Stage stage) {
        AppPaths paths = TestSample.homeWithSample(dir.resolve("run" + (++run)));
        sextant = new Sextant(paths, new SecretStore(new FakeKeychain()));
        sextant.start(ProgressListener.NONE);
        sextant.catalog().create(postgres("Local PG", ConnectionKind.DEVELOPMENT));
        sextant.catalog().create(postgres("Prod PG", ConnectionKind.PRODUCTION));
        sextant.catalog().create(postgres("Read-only PG", ConnectionKind.TEST).withReadOnly(true));
        executor = new FxTaskExecutor();
        window = new MainWindow(new UiContext(sextant.workspace(), sextant::start, sextant::catalog, "test", sextant::auditLog, sextant::schemaCache, sextant::uiState, sextant::workbench), executor);
        stage.setScene(SextantApplication.createScene(window));
        stage.show();
        window.start();
    }

    private static ExternalDatabaseConfig postgres(String name, ConnectionKind kind) {
        return ExternalDatabaseConfig.create(name, "postgresql", Map.of("host", "127.0.0.1", "port",
                String.valueOf(TestPostgres.port()), "database", db, "user", "postgres", "sslMode", "disable"), kind);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            window.closeAll();
            List.copyOf(javafx.stage.Window.getWindows()).stream()
                    .filter(w -> w instanceof javafx.stage.PopupWindow || w instanceof Stage s && s.getOwner() != null)
                    .forEach(javafx.stage.Window::hide);
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        });
        executor.close();
        sextant.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    /** A new query tab on the named connection, with {@code sql} in its editor (not run). */
    private QueryTab open(FxRobot robot, String connection, String sql) throws TimeoutException {
        waitUntil(() -> window.connections().getItems().size() == 4);
        robot.interact(() -> {
            window.connections().model().select(window.connections().getItems().stream()
                    .filter(c -> c.name().equals(connection)).findFirst().orElseThrow());
            window.newQuery();
        });
        QueryTab tab = (QueryTab) window.tabs().getSelectionModel().getSelectedItem();
        robot.interact(() -> tab.editor().replaceText(sql));
        waitUntil(() -> {
            robot.interact(() -> tab.editor().requestFocus());
            return tab.editor().isFocused();
        });
        return tab;
    }

    private static double width(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** The height of the grid's column-header strip, as laid out for the next frame. */
    private double headerHeight(FxRobot robot, ResultGrid grid) {
        double[] height = new double[1];
        robot.interact(() -> {
            window.getScene().getRoot().applyCss();
            window.getScene().getRoot().layout();
            height[0] = ((javafx.scene.layout.Region) grid.lookup(".column-header-background")).getHeight();
        });
        return height[0];
    }

    private static void idle(QueryTab tab) throws TimeoutException {
        waitUntil(() -> !tab.model().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void ctrlEnter(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    }

    private static String status(QueryTab tab) {
        return tab.model().statusProperty().get();
    }

    @Test
    void aTrickyScriptIsHighlightedByWhatEachPartReallyIs(FxRobot robot) throws Exception {
        String sql = "-- report; not code\nSELECT o.id::text AS \"Order; Id\", 'it''s; a string', count(*)\n"
                + "FROM sales.orders o WHERE o.doc ? 'n' AND o.id > $1 /* nested /* ; */ comment */;\n"
                + "DO $body$ BEGIN RAISE NOTICE 'SELECT ;'; END $body$;";
        QueryTab tab = open(robot, "Local PG", sql);
        waitUntil(() -> tab.editor().highlightingCurrent());
        SqlEditor e = tab.editor();
        assertThat(e.getStyleOfChar(sql.indexOf("report") + 1)).containsExactly(SqlHighlighter.COMMENT);
        assertThat(e.getStyleOfChar(sql.indexOf("SELECT o.") + 1)).containsExactly(SqlHighlighter.KEYWORD);
        assertThat(e.getStyleOfChar(sql.indexOf("::") + 1)).containsExactly(SqlHighlighter.OPERATOR);
        assertThat(e.getStyleOfChar(sql.indexOf("Order; Id") + 1)).containsExactly(SqlHighlighter.QUOTED_NAME);
        assertThat(e.getStyleOfChar(sql.indexOf("s; a string") + 1)).containsExactly(SqlHighlighter.STRING);
        assertThat(e.getStyleOfChar(sql.indexOf("count") + 1)).containsExactly(SqlHighlighter.FUNCTION);
        assertThat(e.getStyleOfChar(sql.indexOf("$1") + 1)).containsExactly(SqlHighlighter.PARAMETER);
        assertThat(e.getStyleOfChar(sql.indexOf("; */") + 1)).containsExactly(SqlHighlighter.COMMENT);
        assertThat(e.getStyleOfChar(sql.indexOf("RAISE") + 1)).containsExactly(SqlHighlighter.BODY);
        assertThat(e.getStyleOfChar(sql.indexOf("o.id") + 1)).isEmpty();

        // typing changes the highlighting after a pause, computed in the background
        robot.interact(() -> e.replaceText(e.getLength(), e.getLength(), "\nselect 42"));
        waitUntil(e::highlightingCurrent);
        assertThat(e.getStyleOfChar(e.getLength() - 4)).containsExactly(SqlHighlighter.KEYWORD);
        assertThat(e.getStyleOfChar(e.getLength() - 1)).containsExactly(SqlHighlighter.NUMBER);
    }

    @Test
    void autocompleteOffersTheColumnsOfATableThroughItsAlias(FxRobot robot) throws Exception {
        String sql = "SELECT o.cu FROM sales.orders o JOIN sales.customers c ON c.id = o.customer_id";
        QueryTab tab = open(robot, "Local PG", sql);
        robot.interact(() -> tab.editor().moveTo(sql.indexOf(" FROM")));
        // the schema is scanned in the background when the tab opens
        waitUntil(() -> {
            robot.interact(() -> tab.editor().showCompletions());
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            return tab.editor().completions().stream().anyMatch(c -> c.label().equals("customer_id"));
        });
        robot.interact(() -> tab.editor().hideCompletions());
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        waitUntil(() -> tab.editor().completionsShowing());
        assertThat(tab.editor().completions()).extracting(Completion::label).containsExactly("customer_id");
        assertThat(tab.editor().completions().get(0).detail()).isEqualTo("integer · orders");
        robot.interact(() -> PopupSnapshots.save(window.getScene(), "workbench-autocomplete-light"));
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> PopupSnapshots.save(window.getScene(), "workbench-autocomplete-dark"));
        robot.type(KeyCode.ENTER);
        assertThat(tab.editor().getText()).isEqualTo(sql.replace("o.cu ", "o.customer_id "));

        // after a dot the list opens by itself
        robot.interact(() -> tab.editor().replaceText("SELECT c FROM sales.customers c"));
        robot.interact(() -> tab.editor().moveTo("SELECT c".length()));
        robot.write(".");
        waitUntil(() -> tab.editor().completionsShowing());
        assertThat(tab.editor().completions()).extracting(Completion::label).containsExactly("id", "full_name", "email");
    }

    @Test
    void ctrlEnterRunsTheStatementAtTheCaretAndTheScriptRunsEveryStatement(FxRobot robot) throws Exception {
        String script = "SELECT 1 AS first;\n\nSELECT 'two' AS second, 2 AS n;\nUPDATE sales.scratch SET note = note WHERE id = 2;\n";
        QueryTab tab = open(robot, "Local PG", script);
        robot.interact(() -> Snapshots.save(window.getScene(), "workbench-new-tab"));
        assertThat(headerHeight(robot, tab.grid())).as("no empty header strip above the placeholder").isZero();
        robot.interact(() -> tab.editor().moveTo(script.indexOf("'two'")));
        ctrlEnter(robot);
        waitUntil(() -> tab.model().pageProperty().get() != null);
        idle(tab);
        assertThat(headerHeight(robot, tab.grid())).as("the result's column headers").isGreaterThan(20);
        assertThat(tab.model().results()).hasSize(1);
        assertThat(tab.model().pageProperty().get().columns().get(0).name()).isEqualTo("second");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> tab.model().messages().size() == 3 && !tab.model().runningProperty().get());
        idle(tab);
        assertThat(tab.model().results()).extracting(ResultModel::title).containsExactly("Result 1", "Result 2");
        assertThat(tab.resultTabs().getTabs()).extracting(javafx.scene.control.Tab::getText)
                .containsExactly("Result 1", "Result 2", "Messages");
        assertThat(tab.model().messages().get(2)).startsWith("UPDATE sales.scratch SET note = note WHERE id = 2 · 1 row affected");
        robot.interact(() -> tab.resultTabs().getSelectionModel().select(0));
        assertThat(tab.model().pageProperty().get().rows().get(0)[0]).isEqualTo(1);
    }

    @Test
    void onlyRealParametersAreAskedForAndTheirValuesAreRemembered(FxRobot robot) throws Exception {
        String noParameters = "SELECT id::text, doc ? 'n' AS has_n, doc ?| array['x'] AS any_x, tags[1:1], "
                + "$$ where id = :id and $1 $$ AS body, ':name' FROM sales.orders -- where id = ?\nORDER BY id LIMIT 3";
        QueryTab tab = open(robot, "Local PG", noParameters);
        ctrlEnter(robot);
        waitUntil(() -> tab.model().pageProperty().get() != null || tab.model().failure().isPresent());
        idle(tab);
        assertThat(tab.model().failure()).isEmpty();
        assertThat(tab.model().parameterRequestProperty().get()).isNull();
        assertThat(tab.model().pageProperty().get().rows()).hasSize(3);
        assertThat(tab.model().pageProperty().get().rows().get(0)[1]).isEqualTo(true);

        robot.interact(() -> tab.editor().replaceText("SELECT id, status FROM sales.orders WHERE id = :id AND status = $1"));
        ctrlEnter(robot);
        waitUntil(() -> robot.lookup("#parameter-form").query().isVisible());
        assertThat(tab.model().parameterRequestProperty().get().parameters()).extracting(p -> p.name())
                .containsExactly(":id", "$1");
        robot.clickOn("#param-value-0").write("6");
        robot.clickOn("#param-value-1").write("PAID");
        robot.interact(() -> Snapshots.save(window.getScene(), "workbench-parameters"));
        robot.clickOn("#parameters-run");
        waitUntil(() -> tab.model().pageProperty().get() != null && !tab.model().runningProperty().get());
        idle(tab);
        assertThat(tab.model().pageProperty().get().rows()).hasSize(1);
        assertThat(tab.model().pageProperty().get().rows().get(0)).containsExactly(6, "PAID");

        ctrlEnter(robot);
        waitUntil(() -> robot.lookup("#parameter-form").query().isVisible());
        assertThat(robot.lookup("#param-value-0").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("6");
        assertThat(robot.lookup("#param-type-0").queryAs(javafx.scene.control.ComboBox.class).getValue())
                .isEqualTo(dev.sextant.sql.ParameterType.INTEGER);
        robot.clickOn("#parameters-cancel");
        assertThat(robot.lookup("#parameter-form").query().isVisible()).isFalse();
    }

    @Test
    void cancelStopsTheStatementOnTheServer(FxRobot robot) throws Exception {
        QueryTab tab = open(robot, "Local PG", "SELECT pg_sleep(60)");
        ctrlEnter(robot);
        waitUntil(() -> tab.model().runningProperty().get());
        Thread.sleep(300);
        robot.clickOn("#cancel-button");
        long clicked = System.nanoTime();
        idle(tab);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - clicked)).isLessThan(30);
        assertThat(status(tab)).startsWith("Cancelled after");
        assertThat(tab.model().failure()).hasValueSatisfying(f -> assertThat(f.title()).isEqualTo("Cancelled"));
    }

    @Test
    void pagesForwardToPageFiftyAndBackToPageOneWithoutStallingTheFxThread(FxRobot robot) throws Exception {
        QueryTab tab = open(robot, "Local PG", "SELECT g AS n, md5(g::text) AS h FROM generate_series(1, 100000) g");
        robot.interact(() -> tab.model().changePageSize(100));
        ctrlEnter(robot);
        waitUntil(() -> tab.model().pageProperty().get() != null);
        idle(tab);
        // the keyboard pages (Alt+Right, Alt+Left) with the focus in the grid, as a user flipping through would
        robot.clickOn(robot.lookup(".result-grid .table-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getIndex() == 0 && !c.isEmpty()
                        && c.getTableColumn() != null && "col-h".equals(c.getTableColumn().getId()))
                .findFirst().orElseThrow());
        try (FxWatchdog watchdog = FxWatchdog.start()) {
            for (int page = 2; page <= 50; page++) {
                robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
                idle(tab);
            }
            assertThat(status(tab)).startsWith("Rows 4,901–5,000 · more rows remain");
            assertThat(tab.grid().getItems().get(0)[0]).isEqualTo(4901);
            for (int page = 49; page >= 1; page--) {
                robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
                idle(tab);
            }
            LoggerFactory.getLogger(WorkbenchTest.class).info("FX watchdog paging to page 50 and back: longest stall {} ms over {} probes",
                    watchdog.maxStallMillis(), watchdog.probes());
            assertThat(watchdog.maxStallMillis()).as("longest FX thread stall in ms").isLessThan(100);
        }
        assertThat(status(tab)).startsWith("Rows 1–100 · more rows remain");
        assertThat(tab.grid().getItems().get(0)[0]).isEqualTo(1);

        robot.clickOn("#fetch-more");
        idle(tab);
        assertThat(tab.grid().getItems()).hasSize(200);
        assertThat(status(tab)).startsWith("Rows 1–200");

        // in the page's filter box the same keys are the text field's (a word to the left or right on macOS)
        robot.clickOn("#grid-filter");
        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        idle(tab);
        assertThat(status(tab)).startsWith("Rows 1–200");
    }

    @Test
    void ctrlCAndTheMenusCopyGiveTheSameValuesAsCopyAsTsvWithoutItsHeader(FxRobot robot) throws Exception {
        QueryTab tab = open(robot, "Local PG", "SELECT 7 AS id, E'a\\tb\\nc' AS note, '\\xcafe'::bytea AS raw, "
                + "TIMESTAMP '2024-01-01 08:00' AS at, NULL::int AS nothing");
        ctrlEnter(robot);
        waitUntil(() -> tab.model().pageProperty().get() != null);
        idle(tab);
        ResultGrid grid = tab.grid();
        robot.interact(() -> {
            grid.requestFocus();
            grid.getSelectionModel().clearSelection();
            for (int column = 1; column <= 5; column++) {
                grid.getSelectionModel().select(0, grid.getColumns().get(column));
            }
        });
        String expected = "7\ta b c\t\\xcafe\t2024-01-01 08:00:00\t\n";

        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                .as("the value with a tab and a line break stays in its cell").isEqualTo(expected);

        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.interact(() -> grid.getContextMenu().getItems().stream().filter(i -> "copy-cells".equals(i.getId()))
                .findFirst().orElseThrow().fire());
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get()).isEqualTo(expected);

        String tsv = WaitForAsyncUtils.asyncFx(() -> grid.copyAs(CopyFormat.TSV)).get();
        assertThat(tsv).isEqualTo("id\tnote\traw\tat\tnothing\n" + expected);
    }

    @Test
    void selectedCellsCopyAsCsvWithTheirHeaderAndWholeValues(FxRobot robot) throws Exception {
        QueryTab tab = open(robot, "Local PG", "SELECT id, status, amount, tags, NULL::text AS nothing, '' AS empty "
                + "FROM sales.orders ORDER BY id LIMIT 3");
        ctrlEnter(robot);
        waitUntil(() -> tab.model().pageProperty().get() != null);
        idle(tab);
        ResultGrid grid = tab.grid();
        robot.clickOn(robot.lookup(".result-grid .table-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getIndex() == 0
                        && c.getTableColumn() != null && "col-status".equals(c.getTableColumn().getId()))
                .findFirst().orElseThrow());
        robot.interact(() -> {
            grid.getSelectionModel().clearSelection();
            for (int column = 1; column <= 6; column++) {
                grid.getSelectionModel().select(1, grid.getColumns().get(column));
                grid.getSelectionModel().select(2, grid.getColumns().get(column));
            }
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo("id,status,amount,tags,nothing,empty\r\n"
                + "2,OPEN,2.50,\"[\"\"a\"\",\"\"b2\"\"]\",,\"\"\r\n"
                + "3,PAID,3.75,\"[\"\"a\"\",\"\"b3\"\"]\",,\"\"\r\n");
        assertThat(WaitForAsyncUtils.asyncFx(() -> grid.copyAs(CopyFormat.MARKDOWN)).get())
                .startsWith("| id | status | amount | tags | nothing | empty |\n| --- | --- | --- | --- | --- | --- |\n| 2 | OPEN |");
    }

    @Test
    void aMillionRowsExportToCsvStreamedWithProgress(FxRobot robot) throws Exception {
        QueryTab tab = open(robot, "Local PG", "SELECT g AS n, md5(g::text) AS h FROM generate_series(1, 1000000) g");
        ctrlEnter(robot);
        waitUntil(() -> tab.model().pageProperty().get() != null);
        idle(tab);
        Path file = dir.resolve("million-" + run + ".csv");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> tab.model().exportStatusProperty().addListener((o, a, b) -> seen.add(b)));
        robot.interact(() -> tab.model().export(tab.model().selectedResultProperty().get(), file, ExportFormat.CSV));
        waitUntil(() -> !tab.model().exportingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tab.model().exportStatusProperty().get()).startsWith("Exported 1,000,000 rows to " + file.getFileName());
        assertThat(seen).anyMatch(s -> s.matches("[\\d,]+ rows written…"));
        long lines;
        try (Stream<String> all = Files.lines(file)) {
            lines = all.count();
        }
        assertThat(lines).isEqualTo(1_000_001);
        try (Stream<String> all = Files.lines(file)) {
            assertThat(all.skip(1_000_000).findFirst()).hasValue("1000000," + md5("1000000"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    private static String md5(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(s.getBytes()));
    }

    @Test
    void aProductionConnectionAsksBeforeChangingDataAndNotBeforeReading(FxRobot robot) throws Exception {
        QueryTab tab = open(robot, "Prod PG", "SELECT count(*) FROM sales.scratch");
        ctrlEnter(robot);
        waitUntil(() -> tab.model().pageProperty().get() != null);
        idle(tab);
        assertThat(tab.model().confirmationProperty().get()).as("reading asks nothing").isNull();

        robot.interact(() -> tab.editor().replaceText("DELETE FROM sales.scratch WHERE id = 1"));
        ctrlEnter(robot);
        waitUntil(() -> robot.lookup("#confirm-bar").query().isVisible());
        assertThat(robot.lookup("#confirm-message").queryAs(Label.class).getText())
                .isEqualTo("DELETE changes data or schema on the production connection 'Prod PG'. Run it?");
        robot.interact(() -> Snapshots.save(window.getScene(), "workbench-production-confirmation"));
        Label badge = robot.lookup(".production-badge").queryAs(Label.class);
        assertThat(((org.kordamp.ikonli.javafx.FontIcon) badge.getGraphic()).getIconColor()).as("the badge's icon, white on red")
                .isEqualTo(badge.getTextFill());
        robot.clickOn("#confirm-cancel");
        assertThat(robot.lookup("#confirm-bar").query().isVisible()).isFalse();
        assertThat(count("SELECT count(*) FROM sales.scratch WHERE id = 1")).isEqualTo(1);

        ctrlEnter(robot);
        waitUntil(() -> robot.lookup("#confirm-bar").query().isVisible());
        robot.clickOn("#confirm-run");
        waitUntil(() -> status(tab).startsWith("Statement done"));
        assertThat(status(tab)).startsWith("Statement done: 1 row affected");
        assertThat(count("SELECT count(*) FROM sales.scratch WHERE id = 1")).isZero();
        TestPostgres.execute(db, "INSERT INTO sales.scratch VALUES (1, 'keep me')");
    }

    private static long count(String sql) throws Exception {
        try (var c = TestPostgres.server().getDatabase("postgres", db).getConnection(); var s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theHistoryRecordsEveryRunAndItsSearchOpensOneInANewTab(FxRobot robot) throws Exception {
        QueryTab tab = open(robot, "Local PG", "SELECT status, count(*) FROM sales.orders GROUP BY status ORDER BY 1");
        ctrlEnter(robot);
        waitUntil(() -> tab.model().pageProperty().get() != null);
        idle(tab);
        robot.interact(() -> tab.editor().replaceText("SELECT * FROM sales.no_such_table"));
        ctrlEnter(robot);
        waitUntil(() -> tab.model().failure().isPresent());
        idle(tab);
        waitUntil(() -> sextant.workbench().history().search("no_such_table", 5).size() == 1);

        robot.clickOn("#history-toggle");
        waitUntil(() -> window.workbench().history().list().getItems().size() >= 2);
        robot.clickOn("#history-search").write("orders status");
        waitUntil(() -> window.workbench().history().list().getItems().size() == 1);
        HistoryEntry entry = window.workbench().history().list().getItems().get(0);
        assertThat(entry.sql()).isEqualTo("SELECT status, count(*) FROM sales.orders GROUP BY status ORDER BY 1");
        assertThat(entry.connectionName()).isEqualTo("Local PG");
        assertThat(entry.rowCount()).isEqualTo(2);
        assertThat(entry.outcome()).isEqualTo(HistoryEntry.Outcome.SUCCEEDED);

        robot.interact(() -> window.workbench().history().searchField().setText("no_such"));
        waitUntil(() -> window.workbench().history().list().getItems().size() == 1
                && window.workbench().history().list().getItems().get(0).outcome() == HistoryEntry.Outcome.FAILED);
        assertThat(window.workbench().history().list().getItems().get(0).error()).contains("no_such_table");
        robot.interact(() -> window.workbench().history().searchField().setText(""));
        waitUntil(() -> window.workbench().history().list().getItems().size() >= 2);
        robot.interact(() -> Snapshots.save(window.getScene(), "workbench-history-light"));
        java.util.List<Double> heights = new java.util.ArrayList<>();
        robot.interact(() -> window.workbench().history().list().lookupAll(".list-cell")
                .forEach(cell -> heights.add(((javafx.scene.layout.Region) cell).getHeight())));
        assertThat(heights).as("rows of whole pixels, so that every row's line is drawn sharp").isNotEmpty()
                .allSatisfy(h -> assertThat(h % 1).isZero());
        // the tab is narrower with the history open: the pager's controls keep their labels
        javafx.scene.control.MenuButton export = robot.lookup("#export-menu").queryAs(javafx.scene.control.MenuButton.class);
        assertThat(((javafx.scene.text.Text) export.lookup(".text")).getText()).isEqualTo("Export");
        assertThat(robot.lookup("#query-status").queryAs(Label.class).getTooltip().getText()).startsWith("Not found after");
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Snapshots.save(window.getScene(), "workbench-history-dark"));

        robot.interact(() -> window.workbench().history().searchField().setText("orders status"));
        waitUntil(() -> window.workbench().history().list().getItems().size() == 1);
        int before = window.tabs().getTabs().size();
        // the list's cells make their labels again on each update: click the cell itself (cells are kept), once settled
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node run = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() instanceof HistoryEntry h && h.sql().startsWith("SELECT status")).query();
        robot.doubleClickOn(run);
        waitUntil(() -> window.tabs().getTabs().size() == before + 1);
        QueryTab opened = (QueryTab) window.tabs().getSelectionModel().getSelectedItem();
        assertThat(opened.editor().getText()).isEqualTo(entry.sql());
    }

    @Test
    void aGridOfVariedTypesAndTheValueViewer(FxRobot robot) throws Exception {
        QueryTab tab = open(robot, "Local PG", "SELECT id, amount, 12345678901234567890.123456789::numeric AS big, tags, doc, "
                + "raw, NULL::int AS missing, 'NULL' AS text_null, ordered_at, status FROM sales.orders ORDER BY id LIMIT 40");
        ctrlEnter(robot);
        waitUntil(() -> tab.model().pageProperty().get() != null);
        idle(tab);
        ResultGrid grid = tab.grid();
        assertThat(grid.getItems().get(0)[2]).isEqualTo(new java.math.BigDecimal("12345678901234567890.123456789"));
        robot.interact(() -> Snapshots.save(window.getScene(), "workbench-grid-types-light"));
        // values in a monospaced font that the system has (a family JavaFX cannot find gives its proportional default)
        javafx.scene.text.Font cellFont = robot.lookup(".result-grid .table-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getFont()).findFirst().orElseThrow();
        assertThat(cellFont.getFamily()).isNotEqualTo(javafx.scene.text.Font.getDefault().getFamily());
        assertThat(width("iiiiii", cellFont)).as("i and m as wide in " + cellFont).isEqualTo(width("mmmmmm", cellFont));
        javafx.scene.text.Font editorFont = ((javafx.scene.text.Text) tab.editor().lookup(".text")).getFont();
        assertThat(editorFont.getFamily()).as("the editor's SQL in the same family").isEqualTo(cellFont.getFamily());
        robot.interact(() -> {
            grid.getSelectionModel().clearSelection();
            grid.getSelectionModel().select(0, grid.getColumns().get(5));
            grid.getFocusModel().focus(0, grid.getColumns().get(5));
            tab.resultView().showValue(grid.columnsShown().get(4), grid.getItems().get(0)[4]);
        });
        assertThat(tab.resultView().viewer().shownText()).isEqualTo("{\n  \"n\" : 1,\n  \"nested\" : {\n    \"ok\" : true\n  }\n}");
        robot.interact(() -> Snapshots.save(window.getScene(), "workbench-grid-value-viewer-light"));
        robot.interact(() -> tab.resultView().showValue(grid.columnsShown().get(5), grid.getItems().get(0)[5]));
        assertThat(tab.resultView().viewer().shownText()).startsWith("00000000  c4 ca 42 38 a0 b9 23 82  0d cc 50 9a 6f 75 84 9b");
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Snapshots.save(window.getScene(), "workbench-grid-value-viewer-dark"));
        robot.interact(() -> tab.resultView().hideValue());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Snapshots.save(window.getScene(), "workbench-grid-types-dark"));

        robot.interact(() -> tab.resultView().filter().setText("PAID"));
        assertThat(grid.getItems()).hasSize(13);
        assertThat(robot.lookup("#grid-note").queryAs(Label.class).getText())
                .startsWith("Filtered within the 40 fetched rows of this page (13 match), not the whole result.");
    }

    @Test
    void findReplaceFormatCommentAndFilesWorkFromTheKeyboard(FxRobot robot) throws Exception {
        QueryTab tab = open(robot, "Local PG", "select id, status from sales.orders where status = 'OPEN'");
        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        waitUntil(() -> tab.findBar().isVisible());
        robot.interact(() -> tab.findBar().findField().setText("status"));
        robot.interact(() -> tab.findBar().replaceField().setText("state"));
        robot.clickOn("#find-next");
        assertThat(tab.editor().getSelectedText()).isEqualTo("status");
        robot.clickOn("#replace-all");
        assertThat(tab.editor().getText()).isEqualTo("select id, state from sales.orders where state = 'OPEN'");

        robot.interact(() -> tab.editor().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(tab.editor().getText()).isEqualTo("SELECT\n    id,\n    state\nFROM sales.orders\nWHERE state = 'OPEN'");
        robot.interact(() -> tab.editor().moveTo(0));
        robot.press(KeyCode.CONTROL, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.CONTROL);
        assertThat(tab.editor().getText()).startsWith("-- SELECT\n    id,");

        Path file = dir.resolve("saved-" + run + ".sql");
        robot.interact(() -> tab.saveTo(file));
        waitUntil(() -> Files.exists(file) && !tab.isModified());
        assertThat(Files.readString(file)).isEqualTo(tab.editor().getText());
        assertThat(tab.getText()).isEqualTo(file.getFileName().toString());
        robot.interact(() -> tab.editor().appendText("\n-- more"));
        assertThat(tab.isModified()).isTrue();
        assertThat(tab.getText()).endsWith(" •");

        Files.writeString(file, "SELECT 'from the file'");
        int before = window.tabs().getTabs().size();
        robot.interact(() -> tab.openFile(file));
        waitUntil(() -> window.tabs().getTabs().size() == before + 1);
        QueryTab opened = (QueryTab) window.tabs().getSelectionModel().getSelectedItem();
        assertThat(opened.editor().getText()).isEqualTo("SELECT 'from the file'");
        assertThat(opened.isModified()).isFalse();
    }

    @Test
    void openTabsAndTheirTextComeBackAtTheNextStart(FxRobot robot) throws Exception {
        open(robot, "Local PG", "SELECT 'first tab'");
        open(robot, "Sample", "SELECT 'second tab' -- unsaved");
        robot.interact(window::saveState);

        MainWindow[] again = new MainWindow[1];
        robot.interact(() -> {
            again[0] = new MainWindow(new UiContext(sextant.workspace(), sextant::start, sextant::catalog, "test",
                    sextant::auditLog, sextant::schemaCache, sextant::uiState, sextant::workbench), executor);
            Stage stage = new Stage();
            stage.setScene(SextantApplication.createScene(again[0]));
            stage.show();
            again[0].start();
        });
        waitUntil(() -> again[0].tabs().getTabs().size() == 2);
        assertThat(again[0].tabs().getTabs()).extracting(t -> ((QueryTab) t).editor().getText())
                .containsExactly("SELECT 'first tab'", "SELECT 'second tab' -- unsaved");
        assertThat(again[0].tabs().getTabs()).extracting(t -> t.getText())
                .containsExactly("Local PG · query 1", "Sample · query 2");
        robot.interact(() -> {
            again[0].closeAll();
            again[0].getScene().getWindow().hide();
        });
    }

    @Test
    void aReadOnlyConnectionShowsTheServersRefusal(FxRobot robot) throws Exception {
        QueryTab tab = open(robot, "Read-only PG", "DELETE FROM sales.scratch WHERE id = 2");
        ctrlEnter(robot);
        waitUntil(() -> tab.model().failure().isPresent());
        idle(tab);
        assertThat(tab.model().failure().get().title()).isEqualTo("This connection is read-only");
        assertThat(robot.lookup("#error-message").queryAs(Label.class).getText()).contains("read-only");
        assertThat(count("SELECT count(*) FROM sales.scratch WHERE id = 2")).isEqualTo(1);
    }
}
