package dev.sextant.ui;

import dev.sextant.app.AppPaths;
import dev.sextant.app.Sextant;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.secret.SecretStore;
import dev.sextant.testing.Snapshots;
import dev.sextant.ui.connections.ConnectionsPanel;
import dev.sextant.ui.explorer.ExplorerNode;
import dev.sextant.ui.task.FxTaskExecutor;
import dev.sextant.ui.window.Theme;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One Sextant with its main window on a data folder, for UI tests of the side panel, and the waits and
 * look-ups those tests share. Close it after each test.
 */
final class UiFixture implements AutoCloseable {

    final Sextant sextant;
    final FxTaskExecutor executor = new FxTaskExecutor();
    final MainWindow window;
    private final FxRobot robot;
    private final Stage stage;

    /** Builds the window on {@code stage} and starts it; call on the JavaFX thread. */
    UiFixture(FxRobot robot, Stage stage, AppPaths paths, FakeKeychain keychain) {
        this.robot = robot;
        this.stage = stage;
        this.sextant = new Sextant(paths, new SecretStore(keychain));
        this.window = new MainWindow(new UiContext(sextant.workspace(), sextant::start, sextant::catalog, "test",
                sextant::auditLog, sextant::schemaCache, sextant::uiState, sextant::workbench), executor);
        stage.setScene(SextantApplication.createScene(window));
        stage.show();
        window.start();
    }

    @Override
    public void close() {
        robot.interact(() -> {
            window.closeAll();
            List.copyOf(javafx.stage.Window.getWindows()).stream()
                    .filter(w -> w instanceof javafx.stage.PopupWindow || w instanceof Stage s && s.getOwner() != null)
                    .forEach(javafx.stage.Window::hide);
            Theme.applyDark(false);
            if (stage != org.testfx.api.FxToolkit.toolkitContext().getRegisteredStage()) {
                stage.hide(); // a window a test opened itself must not cover the next test's windows
            }
        });
        executor.close();
        sextant.close();
    }

    static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        waitUntil(condition, 25);
    }

    static void waitUntil(Callable<Boolean> condition, int seconds) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            LoggerFactory.getLogger(UiFixture.class).warn("Timed out waiting; windows: {}", javafx.stage.Window.getWindows());
            throw e;
        }
    }

    /**
     * Waits until {@code query} finds a node that is shown: in a showing window, it and every parent visible.
     * The look-up runs on the JavaFX thread, so it never sees a node the thread is still adding (found, but
     * with no scene yet), which a click would then fail on.
     */
    static void waitShown(FxRobot robot, String query) throws TimeoutException {
        waitUntil(() -> onFxThread(() -> robot.lookup(query).tryQuery().filter(UiFixture::shown).isPresent()));
    }

    /** Whether a node is drawn: in a showing window, it and every parent visible. */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
    }

    void snapshot(String name) {
        robot.interact(() -> {
            // as the next frame will look: a layout pass can add nodes (list cells' graphics) that only the
            // CSS pass after it styles
            for (int pass = 0; pass < 2; pass++) {
                window.getScene().getRoot().applyCss();
                window.getScene().getRoot().layout();
            }
            Snapshots.save(window.getScene(), name);
        });
    }

    /** Waits for the saved connections to be listed. */
    void waitForConnections(int count) throws TimeoutException {
        waitUntil(() -> window.connections().getItems().size() == count);
    }

    ExternalDatabaseConfig connection(String name) {
        return window.connections().getItems().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no connection " + name));
    }

    /** The visible schema tree row showing {@code label}, waiting for it and scrolling to it when it is open but out of view. */
    TreeCell<?> treeCell(String label) throws TimeoutException {
        waitUntil(() -> {
            if (findCell(".schema-tree .tree-cell", label) != null) {
                return true;
            }
            robot.interact(() -> {
                var tree = window.tree();
                for (int row = 0; row < tree.getExpandedItemCount(); row++) {
                    TreeItem<ExplorerNode> item = tree.getTreeItem(row);
                    if (item != null && item.getValue().label().equals(label)) {
                        tree.scrollTo(Math.max(0, row - 2));
                        return;
                    }
                }
            });
            return findCell(".schema-tree .tree-cell", label) != null;
        });
        return findCell(".schema-tree .tree-cell", label);
    }

    /** The visible connections panel row of a connection or folder named {@code label}. */
    TreeCell<?> connectionCell(String label) throws TimeoutException {
        waitUntil(() -> findCell(".connection-tree .tree-cell", label) != null);
        return findCell(".connection-tree .tree-cell", label);
    }

    /** Looked up on the JavaFX thread, so that a cell being laid out is never caught half-way. */
    TreeCell<?> findCell(String query, String label) {
        return onFxThread(() -> findCellNow(query, label));
    }

    /** Runs {@code call} on the JavaFX thread and returns what it gave. */
    static <T> T onFxThread(Callable<T> call) {
        try {
            return javafx.application.Platform.isFxApplicationThread() ? call.call() : WaitForAsyncUtils.asyncFx(call).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private TreeCell<?> findCellNow(String query, String label) {
        for (Node n : robot.lookup(query).queryAll()) {
            TreeCell<?> cell = (TreeCell<?>) n;
            Object item = cell.getItem();
            String text = item instanceof ExplorerNode node ? node.label()
                    : item instanceof ExternalDatabaseConfig c ? c.name()
                    : item instanceof ConnectionsPanel.Folder f ? f.name() : null;
            if (label.equals(text) && shown(cell)) {
                return cell;
            }
        }
        return null;
    }

    /** Opens a schema tree row with the keyboard and waits until its children are there. */
    void expand(String label) throws TimeoutException {
        TreeCell<?> cell = treeCell(label);
        robot.clickOn(cell);
        TreeItem<?> item = cell.getTreeItem();
        robot.type(KeyCode.RIGHT);
        robot.moveTo("#app-status");
        waitUntil(() -> item.isExpanded() && item.getChildren().stream()
                .noneMatch(c -> ((ExplorerNode) c.getValue()).role() == ExplorerNode.Role.LOADING));
    }
}
