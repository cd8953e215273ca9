package dev.sextant.ui.editor;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.HistoryEntry;
import dev.sextant.query.SavedTab;
import dev.sextant.query.WorkbenchStore;
import dev.sextant.sql.Syntax;
import dev.sextant.ui.Icons;
import dev.sextant.ui.Tips;
import dev.sextant.ui.UiContext;
import dev.sextant.ui.history.HistoryPanel;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import dev.sextant.ui.window.KeyText;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * The main window's query workbench in one place: it opens editor tabs with their autocomplete, history
 * and saved state, keeps the open tabs for the next start, and shows the history panel beside the tabs.
 * The main window only asks it for a tab, its History button and the area that holds the tabs.
 */
public final class Workbench {

    public static final KeyCombination SHOW_HISTORY = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final UiContext context;
    private final TaskExecutor executor;
    private final TabPane tabs;
    private final Supplier<List<ExternalDatabaseConfig>> connections;
    private final Supplier<ExternalDatabaseConfig> selected;
    private final Consumer<String> status;
    private final CompletionSource completions;
    private final HistoryPanel history;
    private final ToggleButton historyToggle = new ToggleButton("History", Icons.of(Feather.CLOCK));
    private final SplitPane workArea = new SplitPane();
    private final PauseTransition saveSoon = new PauseTransition(Duration.seconds(2));
    private boolean restored;
    private int counter;

    /**
     * @param tabs        where the editor tabs go
     * @param connections the connections listed now
     * @param selected    the connection selected now (for history entries whose connection was deleted)
     * @param status      shows a line in the status bar
     */
    public Workbench(UiContext context, TaskExecutor executor, TabPane tabs, Supplier<List<ExternalDatabaseConfig>> connections,
                     Supplier<ExternalDatabaseConfig> selected, Consumer<String> status) {
        this.context = context;
        this.executor = executor;
        this.tabs = tabs;
        this.connections = connections;
        this.selected = selected;
        this.status = status;
        this.completions = new CompletionSource(context.workspace(),
                context.schemaCache() == null ? () -> null : context.schemaCache(), executor);
        this.history = new HistoryPanel(context::workbenchStore, executor, this::openHistoryEntry);
        historyToggle.setId("history-toggle");
        Tips.set(historyToggle, "Every statement run, searchable; open one again in a tab (" + KeyText.of(SHOW_HISTORY) + ")");
        historyToggle.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                workArea.getItems().add(history);
                workArea.setDividerPositions(0.64);
                history.refresh();
                history.searchField().requestFocus();
            } else {
                workArea.getItems().remove(history);
            }
        });
        saveSoon.setOnFinished(e -> saveTabs());
        tabs.getTabs().addListener((ListChangeListener<Tab>) c -> saveSoon.playFromStart());
    }

    /** The area beside the connections: the tabs ({@code center}) and, when shown, the history. */
    public Node workArea(Node center) {
        workArea.getItems().setAll(center);
        return workArea;
    }

    /** The toolbar's History button. */
    public ToggleButton historyToggle() {
        return historyToggle;
    }

    public void installAccelerators(Scene scene) {
        scene.getAccelerators().put(SHOW_HISTORY, () -> historyToggle.setSelected(!historyToggle.isSelected()));
    }

    public HistoryPanel history() {
        return history;
    }

    /** A new editor tab on {@code config}, added and selected; {@code title} null numbers it. */
    public QueryTab open(ExternalDatabaseConfig config, String sql, String title) {
        String name = title != null ? title : config.name() + " · query " + (++counter);
        Syntax syntax = Syntax.forDialectName(context.workspace().dialect(config).name());
        QueryTabModel model = new QueryTabModel(context.workspace().newSession(config), executor, config, syntax,
                context::workbenchStore, () -> context.workspace().newConnector(config));
        QueryTab tab = new QueryTab(name, config, model, sql, executor, () -> completions.completer(config, syntax));
        tab.setOpenInNewTab((text, file) -> open(config, text, file.getFileName().toString()).associate(file, text));
        model.runningProperty().addListener((o, was, now) -> {
            if (!now && history.getParent() != null) {
                history.refresh();
            }
        });
        tab.editor().textProperty().addListener((o, a, b) -> saveSoon.playFromStart());
        completions.completer(config, syntax); // starts the schema scan for autocomplete
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        tab.focusEditor();
        return tab;
    }

    /** Opens a history entry's SQL in a new tab on its connection (or the selected one, if it was deleted). */
    private void openHistoryEntry(HistoryEntry entry) {
        ExternalDatabaseConfig config = connections.get().stream().filter(c -> c.id().equals(entry.configId()))
                .findFirst().orElse(selected.get());
        if (config != null) {
            open(config, entry.sql(), null);
        }
    }

    /** Brings back the tabs open at the last exit, with their text, the first time the connections are known. */
    public void restoreOnce() {
        WorkbenchStore store = context.workbenchStore();
        if (restored || store == null) {
            return;
        }
        restored = true;
        BackgroundTask.wrap(p -> store.state().loadTabs())
                .onSuccess(saved -> {
                    counter += saved.size(); // new tabs get numbers after the restored ones
                    for (SavedTab t : saved) {
                        connections.get().stream().filter(c -> c.id().equals(t.configId())).findFirst().ifPresent(c -> {
                            QueryTab tab = open(c, t.sql(), t.title());
                            if (t.file() != null) {
                                tab.associate(Path.of(t.file()), t.modified() ? null : t.sql());
                            }
                        });
                    }
                })
                .onFailure(e -> status.accept("Open tabs of the last session could not be restored: " + e.getMessage()))
                .executeWith(executor);
    }

    private List<SavedTab> openTabs() {
        return tabs.getTabs().stream().filter(t -> t instanceof QueryTab).map(t -> ((QueryTab) t).saved()).toList();
    }

    /** Keeps the open tabs and their text for the next start, in the background. */
    private void saveTabs() {
        WorkbenchStore store = context.workbenchStore();
        if (store == null || !restored) {
            return;
        }
        List<SavedTab> open = openTabs();
        BackgroundTask.wrap(p -> {
            store.state().saveTabs(open);
            return null;
        }).executeWith(executor);
    }

    /**
     * Writes the open tabs for the next start, on the calling thread: used once the window has closed,
     * when nothing is left on screen to stall.
     */
    public void saveNow() {
        saveSoon.stop();
        WorkbenchStore store = context.workbenchStore();
        if (store != null && restored) {
            store.state().saveTabs(openTabs());
        }
    }

    /** Stops keeping the tabs: the window is closing and an emptied tab list is no state to keep. */
    public void stop() {
        saveSoon.stop();
        restored = false;
    }
}
