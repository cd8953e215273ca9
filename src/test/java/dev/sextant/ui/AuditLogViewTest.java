package dev.sextant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.app.AppPaths;
import dev.sextant.app.Sextant;
import dev.sextant.audit.AuditEntry;
import dev.sextant.audit.AuditLog;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.McpAccess;
import dev.sextant.query.ProgressListener;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.secret.SecretStore;
import dev.sextant.store.LocalStore;
import dev.sextant.testing.Snapshots;
import dev.sextant.testing.TestSample;
import dev.sextant.ui.audit.AuditLogView;
import dev.sextant.ui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The MCP audit log as the window shows it, with entries an MCP server wrote to the store. */
@ExtendWith(ApplicationExtension.class)
class AuditLogViewTest {

    @TempDir
    static Path dir;

    private MainWindow window;
    private Sextant sextant;
    private FxTaskExecutor executor;
    private AppPaths paths;

    @Start
    void start(Stage stage) {
        paths = TestSample.homeWithSample(dir);
        sextant = new Sextant(paths, new SecretStore(new FakeKeychain()));
        sextant.start(ProgressListener.NONE);
        ConnectionCatalog catalog = sextant.catalog();
        catalog.update(catalog.list().get(0).withMcp(McpAccess.READ_ONLY));
        executor = new FxTaskExecutor();
        window = new MainWindow(new UiContext(sextant.workspace(), sextant::start, sextant::catalog, "test", sextant::auditLog, sextant::schemaCache, sextant::uiState, sextant::workbench),
                executor);
        stage.setScene(SextantApplication.createScene(window));
        stage.show();
        window.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::closeAll);
        executor.close();
        sextant.close();
    }

    @Test
    void theToolbarOpensTheLogWithEachCallAndRefusalsStandOut(FxRobot robot) throws Exception {
        // written as the MCP server writes them: through its own opening of the store
        try (LocalStore store = LocalStore.open(paths.store())) {
            AuditLog log = new AuditLog(store);
            Instant now = Instant.now();
            log.record(new AuditEntry(0, now.minusSeconds(30), "desktop-client 0.9", "list_connections", null, "", "",
                    AuditEntry.Outcome.OK, 1L, Duration.ofMillis(8), ""));
            log.record(new AuditEntry(0, now.minusSeconds(20), "desktop-client 0.9", "run_query", "sample", "Sample",
                    "SELECT FULL_NAME, EMAIL\nFROM CUSTOMERS", AuditEntry.Outcome.OK, 200L, Duration.ofMillis(41), ""));
            log.record(new AuditEntry(0, now.minusSeconds(10), "desktop-client 0.9", "run_query", "sample", "Sample",
                    "DELETE FROM ORDERS", AuditEntry.Outcome.REFUSED, null, Duration.ofMillis(5),
                    "Connection 'Sample' is read-only for MCP clients; the database refused to change data"));
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.connections().getItems().isEmpty());

        robot.clickOn("#open-audit-log");
        AuditLogView view = (AuditLogView) window.tabs().getSelectionModel().getSelectedItem().getContent();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.table().getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.table().getItems().get(0).request()).isEqualTo("DELETE FROM ORDERS");
        assertThat(robot.lookup("#audit-status").queryAs(Label.class).getText()).isEqualTo("3 calls, 1 refused or failed");
        assertThat(robot.lookup(".outcome-refused").queryAll()).singleElement()
                .satisfies(n -> assertThat(((TableCell<?, ?>) n).getText()).isEqualTo("refused"));
        assertThat(robot.lookup(".mcp-badge").queryAs(Label.class).getText()).isEqualTo("MCP");
        assertThat(view.detail().getText()).as("nothing selected yet").isEmpty();
        // the refused call, chosen from the keyboard: its whole request and message below the table
        robot.clickOn(robot.lookup(".outcome-refused").queryAs(TableCell.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.detail().getText()).startsWith("run_query on Sample · refused · ")
                .contains("5 ms · desktop-client 0.9")
                .endsWith("Request:\nDELETE FROM ORDERS\n\nMessage:\n"
                        + "Connection 'Sample' is read-only for MCP clients; the database refused to change data");
        robot.type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.detail().getText()).as("the statement on its two lines")
                .contains("200 rows").contains("Request:\nSELECT FULL_NAME, EMAIL\nFROM CUSTOMERS").doesNotContain("Message:");
        robot.type(javafx.scene.input.KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Snapshots.save(window.getScene(), "audit-log"));
        double columns = UiFixture.onFxThread(() -> view.table().getColumns().stream().mapToDouble(TableColumn::getWidth).sum());
        assertThat(columns).as("every column on screen, the message's too, without scrolling sideways")
                .isLessThanOrEqualTo(UiFixture.onFxThread(() -> view.table().getWidth()));

        robot.clickOn("#open-audit-log");
        assertThat(window.tabs().getTabs()).filteredOn(t -> t.getContent() instanceof AuditLogView).hasSize(1);
    }
}
