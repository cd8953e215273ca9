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
}
