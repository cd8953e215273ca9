package dev.sextant.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.QuerySession;
import dev.sextant.ui.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor tab's state without a screen: a synchronous executor and a real in-memory H2 database. */
class QueryTabModelTest {

    @TempDir
    Path temp;
    private QuerySession session;
    private QueryTabModel model;

    @BeforeEach
    void setUp() {
        ConnectorRegistry registry = ConnectorRegistry.loadInstalled();
        String db = "mem:" + UUID.randomUUID().toString().replace("-", "");
        session = new QuerySession(() -> registry.create("h2", ConnectionParameters.of(Map.of("path", db))), temp, 1000);
        model = new QueryTabModel(session, new DirectTaskExecutor());
    }

    @AfterEach
    void tearDown() {
        session.close();
    }

    @Test
    void aRunShowsTheFirstPageAndTheStatusSaysMoreRowsRemain() {
        model.run("SELECT X FROM SYSTEM_RANGE(1, 450);", 0);

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.pageProperty().get().rows()).hasSize(200);
        assertThat(model.statusProperty().get()).startsWith("Rows 1–200 · more rows remain");
    }

    @Test
    void pagingToTheEndShowsTheFinalCountAndPageSizeChangesKeepTheFirstRow() {
        model.run("SELECT X FROM SYSTEM_RANGE(1, 450)", 0);
        model.nextPage();
        model.nextPage();

        assertThat(model.statusProperty().get()).startsWith("Rows 401–450 of 450");
        assertThat(model.pageProperty().get().hasNextPage()).isFalse();
        model.nextPage(); // nothing after the last page
        assertThat(model.pageProperty().get().firstRow()).isEqualTo(400);

        model.changePageSize(100);
        assertThat(model.pageProperty().get().firstRow()).isEqualTo(400);
        assertThat(model.pageProperty().get().rows()).hasSize(50);
        model.previousPage();
        assertThat(model.statusProperty().get()).startsWith("Rows 301–400 of 450");
    }

    @Test
    void anErrorPositionIsMappedOntoTheEditorText() {
        String editorText = "-- first statement\nSELECT 1;\nSELEC 2";
        int selectionStart = editorText.indexOf("SELEC 2");

        model.run("SELEC 2", selectionStart);

        assertThat(model.failure()).hasValueSatisfying(f -> {
            assertThat(f.title()).isEqualTo("SQL error");
            assertThat(f.editorPosition()).isEqualTo(selectionStart);
        });
        assertThat(model.pageProperty().get()).isNull();
    }

    @Test
    void anUpdateReportsTheRowsAffected() {
        model.run("CREATE TABLE T AS SELECT X FROM SYSTEM_RANGE(1, 3)", 0);
        model.run("DELETE FROM T WHERE X > 1", 0);

        assertThat(model.statusProperty().get()).startsWith("Statement done: 2 rows affected");
    }

    @Test
    void emptyTextIsAnInlineMessageNotARun() {
        model.run("   ", 0);

        assertThat(model.failure()).hasValueSatisfying(f -> assertThat(f.title()).isEqualTo("Nothing to run"));
    }

    @Test
    void aScriptGivesEachResultItsOwnModelAndUpdatesTheirCounts() {
        model.run("CREATE TABLE S (X INT);\nINSERT INTO S VALUES (1), (2);\nSELECT X FROM S ORDER BY X;\nSELECT COUNT(*) FROM S", 0);

        assertThat(model.results()).extracting(ResultModel::title).containsExactly("Result 1", "Result 2");
        assertThat(model.messages()).hasSize(4);
        assertThat(model.messages().get(1)).startsWith("INSERT INTO S VALUES (1), (2) · 2 rows affected");
        assertThat(model.selectedResultProperty().get().title()).isEqualTo("Result 2");
        assertThat(model.pageProperty().get().rows().get(0)[0]).isEqualTo(2L);
        model.selectedResultProperty().set(model.results().get(0));
        assertThat(model.pageProperty().get().rows()).extracting(r -> r[0]).containsExactly(1, 2);
    }

    @Test
    void theStatementAtTheCaretRunsAlone() {
        String text = "SELECT 1 AS A;\nSELECT 2 AS B;\nSELECT 3 AS C";
        model.runAtCaret(text, text.indexOf("2 AS"));

        assertThat(model.results()).hasSize(1);
        assertThat(model.pageProperty().get().columns().get(0).name()).isEqualTo("B");
    }

    @Test
    void parametersAreAskedForThenBoundAndAnErrorPositionSkipsTheRewrite() {
        model.run("SELECT X FROM SYSTEM_RANGE(1, 10) WHERE X = :n OR X = $1", 0);

        ParameterRequest request = model.parameterRequestProperty().get();
        assertThat(request.parameters()).extracting(dev.sextant.sql.ParameterValue::name).containsExactly(":n", "$1");
        request.onSubmit().accept(java.util.List.of(
                new dev.sextant.sql.ParameterValue(":n", dev.sextant.sql.ParameterType.INTEGER, "3", false),
                new dev.sextant.sql.ParameterValue("$1", dev.sextant.sql.ParameterType.INTEGER, "7", true)));
        assertThat(model.parameterRequestProperty().get()).isNull();
        assertThat(model.pageProperty().get().rows()).extracting(r -> r[0]).containsExactly(3L, 7L);

        // the next run offers the last value, but not the secret one
        model.run("SELECT :n, $1 FROM DUAL", 0);
        assertThat(model.parameterRequestProperty().get().parameters()).extracting(dev.sextant.sql.ParameterValue::text)
                .containsExactly("3", "");
        model.cancelParameters();

        String sql = "SELECT :n, $1, NO_SUCH_COLUMN FROM DUAL";
        model.run(sql, 100);
        model.parameterRequestProperty().get().onSubmit().accept(java.util.List.of(
                new dev.sextant.sql.ParameterValue(":n", dev.sextant.sql.ParameterType.INTEGER, "1", false),
                new dev.sextant.sql.ParameterValue("$1", dev.sextant.sql.ParameterType.INTEGER, "2", false)));
        assertThat(model.failure()).hasValueSatisfying(f -> assertThat(f.editorPosition()).isEqualTo(100 + sql.indexOf("NO_SUCH")));
    }

    @Test
    void productionAsksBeforeADeleteAndRunsItOnlyWhenConfirmed() {
        dev.sextant.config.ExternalDatabaseConfig prod = dev.sextant.config.ExternalDatabaseConfig.create("Prod", "h2",
                Map.of(), dev.sextant.config.ConnectionKind.PRODUCTION);
        QueryTabModel guarded = new QueryTabModel(session, new DirectTaskExecutor(), prod, dev.sextant.sql.Syntax.H2,
                () -> null, null);
        guarded.run("CREATE TABLE P AS SELECT X FROM SYSTEM_RANGE(1, 3)", 0);
        assertThat(guarded.confirmationProperty().get().message()).startsWith("CREATE TABLE changes data or schema");
        guarded.confirm();
        guarded.run("SELECT COUNT(*) FROM P", 0);
        assertThat(guarded.confirmationProperty().get()).isNull();
        assertThat(guarded.pageProperty().get().rows().get(0)[0]).isEqualTo(3L);

        guarded.run("DELETE FROM P", 0);
        guarded.dismissConfirmation();
        assertThat(guarded.statusProperty().get()).isEqualTo("Not run.");
        guarded.run("SELECT COUNT(*) FROM P", 0);
        assertThat(guarded.pageProperty().get().rows().get(0)[0]).isEqualTo(3L);
    }

    @Test
    void fetchMoreGrowsThePageAndFirstPageJumpsBack() {
        model.run("SELECT X FROM SYSTEM_RANGE(1, 1000)", 0);
        model.nextPage();
        model.fetchMore();
        assertThat(model.pageProperty().get().firstRow()).isEqualTo(200);
        assertThat(model.pageProperty().get().rows()).hasSize(400);
        assertThat(model.statusProperty().get()).startsWith("Rows 201–600 · more rows remain");
        model.firstPage();
        assertThat(model.statusProperty().get()).startsWith("Rows 1–200");
    }
}
