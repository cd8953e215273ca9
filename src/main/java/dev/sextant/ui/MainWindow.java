package dev.sextant.ui;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.schema.Table;
import dev.sextant.ui.audit.AuditLogView;
import dev.sextant.ui.connections.ConnectionsPanel;
import dev.sextant.ui.editor.QueryTab;
import dev.sextant.ui.editor.Workbench;
import dev.sextant.ui.explorer.SchemaTree;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import dev.sextant.ui.task.TaskMonitor;
import dev.sextant.ui.task.TaskStatusView;
import dev.sextant.ui.window.KeyText;
import dev.sextant.ui.window.MonoFont;
import dev.sextant.ui.window.Theme;
import dev.sextant.ui.window.WindowState;
import dev.sextant.ui.window.WindowStateKeeper;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;

/**
 * The main window's content: the side panel (connections, schema explorer) on the left, editor tabs on
 * the right, a status bar with the running tasks below. Shortcuts: Ctrl+T new query tab, Ctrl+W close tab,
 * F5 refresh the tree, Ctrl+Shift+O find an object, Ctrl+N new connection.
 */
public final class MainWindow extends BorderPane {

    static final KeyCombination NEW_QUERY = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CLOSE_TAB = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);

    private final UiContext context;
    private final TaskExecutor executor;
    private final TaskMonitor tasks;
    private final SidePanel side;
    private final SplitPane split;
    private final WindowStateKeeper stateKeeper;
    private final TabPane tabs = new TabPane();
    private final Label status = new Label("Starting…");
    private final ProgressBar progress = new ProgressBar();
    private final Label notice = new Label(null, Icons.of(Feather.ALERT_TRIANGLE));
    private boolean keychainChecked;
    private Consumer<Throwable> finished = error -> { };
    private final Workbench workbench;

    public MainWindow(UiContext context, TaskExecutor executor) {
        this.context = context;
        this.executor = executor;
        this.tasks = new TaskMonitor(executor);
        getStyleClass().add("main-window");
        this.side = new SidePanel(context, tasks, this::openTable, (config, sql) -> openTab(config, sql, true), status::setText);
        side.setMinWidth(240);
        side.model().configs().addListener((javafx.collections.ListChangeListener<ExternalDatabaseConfig>) c -> {
            int n = side.model().configs().size();
            status.setText(n + (n == 1 ? " connection" : " connections"));
        });

        tabs.setId("editor-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Label hint = new Label("Double-click a table to query it, or press " + KeyText.of(NEW_QUERY) + " for a new query.", Icons.of(Feather.COMPASS));
        hint.getStyleClass().add("empty-hint");
        StackPane center = new StackPane(hint);
        tabs.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tabs.getTabs()));
        hint.visibleProperty().bind(tabs.visibleProperty().not()); // never shows through a tab's empty areas
        // the tab pane joins the scene with its first tab, so a start without tabs does not style it
        tabs.visibleProperty().addListener((o, was, visible) -> {
            if (visible && tabs.getParent() == null) {
                center.getChildren().add(tabs);
            }
        });
        this.workbench = new Workbench(context, executor, tabs, () -> side.model().configs(), () -> side.model().selected(),
                status::setText);

        split = new SplitPane(side, workbench.workArea(center));
        split.setId("main-split");
        split.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(side, false);
        stateKeeper = new WindowStateKeeper(new WindowStateKeeper.Host() {
            @Override
            public javafx.stage.Stage stage() {
                return getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage s ? s : null;
            }

            @Override
            public WindowState capture(javafx.stage.Stage stage) {
                return captureState(stage);
            }

            @Override
            public void apply(WindowState state) {
                applyState(state);
            }
        }, context.uiState(), executor);

        setTop(toolbar());
        setCenter(split);
        setBottom(statusBar());
        // Accelerators work wherever the focus is, the editor included.
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(NEW_QUERY, this::newQuery);
                scene.getAccelerators().put(CLOSE_TAB, this::closeCurrentTab);
                scene.getAccelerators().put(REFRESH, () -> tree().refresh());
                scene.getAccelerators().put(ConnectionsPanel.NEW_CONNECTION, () -> side.connections().newConnection());
                workbench.installAccelerators(scene);
            }
        });
    }

    private ToolBar toolbar() {
        Button newQuery = new Button("New query", Icons.of(Feather.PLUS_SQUARE));
        newQuery.setId("new-query");
        Tips.set(newQuery, "Open a query tab on the selected connection (" + KeyText.of(NEW_QUERY) + ")");
        newQuery.setOnAction(e -> newQuery());
        newQuery.disableProperty().bind(side.model().selectedProperty().isNull());

        Button refresh = new Button("Refresh", Icons.of(Feather.REFRESH_CW));
        refresh.setId("refresh-tree");
        Tips.set(refresh, "Read the schema again (F5)");
        refresh.setOnAction(e -> tree().refresh());

        ToggleButton system = new ToggleButton("System schemas", Icons.of(Feather.EYE));
        system.setId("system-schemas");
        Tips.set(system, "Also show the database's own schemas, such as pg_catalog or INFORMATION_SCHEMA");
        system.selectedProperty().addListener((obs, was, on) -> tree().setShowSystemSchemas(on));

        MenuItem newConnection = new MenuItem("New connection…", Icons.of(Feather.PLUS));
        newConnection.setId("menu-new-connection");
        newConnection.setOnAction(e -> side.connections().newConnection());
        MenuItem newFolder = new MenuItem("New folder…", Icons.of(Feather.FOLDER_PLUS));
        newFolder.setOnAction(e -> side.connections().newFolder());
        MenuItem export = new MenuItem("Export all connections…", Icons.of(Feather.UPLOAD));
        export.setOnAction(e -> side.transfer().chooseExportFile());
        MenuItem importItem = new MenuItem("Import connections…", Icons.of(Feather.DOWNLOAD));
        importItem.setOnAction(e -> side.transfer().chooseImportFile());
        MenuButton connectionsMenu = new MenuButton("Connections", Icons.of(Feather.DATABASE), newConnection, newFolder,
                new SeparatorMenuItem(), export, importItem);
        connectionsMenu.setId("connections-menu");

        Button auditLog = new Button("MCP log", Icons.of(Feather.SHIELD));
        auditLog.setId("open-audit-log");
        Tips.set(auditLog, "What LLM clients asked through \"sextant mcp\", and how each call ended");
        auditLog.setOnAction(e -> openAuditLog());
        auditLog.setDisable(context.audit() == null);

        Label brand = new Label("Sextant", Icons.of(Feather.COMPASS));
        brand.getStyleClass().add("brand");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(brand, newQuery, refresh, system, connectionsMenu, auditLog, workbench.historyToggle(), spacer,
                themeMenu());
    }

    /** Follow the system, light or dark; the choice is kept with the window state. */
    private MenuButton themeMenu() {
        ToggleGroup group = new ToggleGroup();
        MenuButton menu = new MenuButton(null, Icons.of(Feather.MOON));
        menu.setId("theme-menu");
        Tips.set(menu, "Theme");
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(theme.label());
            item.setId("theme-" + theme.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(group);
            item.setSelected(theme == stateKeeper.theme());
            item.setOnAction(e -> stateKeeper.chooseTheme(theme));
            menu.getItems().add(item);
        }
        stateKeeper.themeProperty().addListener((o, a, theme) -> group.getToggles().forEach(t ->
                t.setSelected(((RadioMenuItem) t).getText().equals(theme.label()))));
        return menu;
    }

    private HBox statusBar() {
        status.setId("app-status");
        progress.setPrefWidth(160);
        progress.setVisible(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label version = new Label("Sextant " + context.version());
        version.getStyleClass().add("text-muted");
        notice.setId("keychain-notice");
        notice.getStyleClass().add("notice");
        notice.setVisible(false);
        notice.managedProperty().bind(notice.visibleProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);
        version.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, status, progress, notice, new TaskStatusView(tasks), spacer, version);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** Runs the start-up work in the background, then lists the connections and opens the first. */
    public void start() {
        start(error -> { });
    }

    /**
     * As {@link #start()}; {@code finished} hears how the start-up work ended (null when it succeeded),
     * just before the connections or the error are shown.
     */
    public void start(Consumer<Throwable> finished) {
        this.finished = finished;
        MonoFont.findInBackground();
        runStartup(context.startup());
    }

    private void runStartup(UiContext.StartupWork work) {
        progress.setVisible(true);
        progress.setProgress(-1);
        BackgroundTask.wrap(work::run)
                .onProgress((fraction, message) -> {
                    progress.setProgress(fraction);
                    status.setText(message);
                })
                .onSuccess(configs -> {
                    finished.accept(null);
                    showConnections(configs);
                })
                .onFailure(error -> {
                    finished.accept(error);
                    startupFailed(error);
                })
                .executeWith(executor);
    }

    /** Says plainly why start-up failed, and offers the way out when there is one. */
    private void startupFailed(Throwable e) {
        progress.setVisible(false);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        status.setText("Start-up failed");
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
        alert.setHeaderText("Sextant could not start");
        alert.getDialogPane().setMinWidth(520);
        ButtonType recover = null;
        if (e instanceof StartupProblem problem && problem.recovery().isPresent()) {
            recover = new ButtonType(problem.recoveryLabel(), ButtonBar.ButtonData.OK_DONE);
            alert.getButtonTypes().setAll(recover, ButtonType.CLOSE);
        }
        if (getScene() != null && getScene().getWindow() != null) {
            alert.initOwner(getScene().getWindow());
        }
        ButtonType finalRecover = recover;
        alert.showAndWait().ifPresentOrElse(choice -> {
            if (choice == finalRecover) {
                runStartup(((StartupProblem) e).recovery().get());
            } else {
                Platform.exit();
            }
        }, Platform::exit);
    }

    private void showConnections(List<ExternalDatabaseConfig> configs) {
        progress.setVisible(false);
        side.model().setAll(configs);
        status.setText(configs.size() + (configs.size() == 1 ? " connection" : " connections"));
        stateKeeper.restoreOnce();
        workbench.restoreOnce();
        if (!keychainChecked) {
            keychainChecked = true;
            side.model().loadFolders();
            BackgroundTask.wrap(p -> context.catalog().get().keychainStatus())
                    .onSuccess(s -> {
                        if (!s.available()) {
                            notice.setText("System keychain unavailable: passwords can be kept for this session "
                                    + "or read from environment variables");
                            notice.setTooltip(new Tooltip(s.reason()));
                            notice.setVisible(true);
                        }
                    })
                    .executeWith(executor);
        }
    }

    /** Shows the MCP audit log in a tab of its own (one at most), read afresh each time it is opened. */
    public AuditLogView openAuditLog() {
        Tab tab = tabs.getTabs().stream().filter(t -> t.getContent() instanceof AuditLogView).findFirst().orElseGet(() -> {
            Tab created = new Tab("MCP audit log", new AuditLogView(context.audit(), executor));
            created.setId("audit-log-tab");
            created.setGraphic(Icons.of(Feather.SHIELD));
            tabs.getTabs().add(created);
            return created;
        });
        tabs.getSelectionModel().select(tab);
        AuditLogView view = (AuditLogView) tab.getContent();
        view.reload();
        return view;
    }

    /** A query tab on the selected connection. */
    public QueryTab newQuery() {
        ExternalDatabaseConfig config = side.model().selected();
        return config == null ? null : openTab(config, "", false);
    }

    private void openTable(ExternalDatabaseConfig config, Table table) {
        String sql = "SELECT * FROM " + context.workspace().dialect(config).qualify(table.schema(), table.name());
        openTab(config, sql, true);
    }

    /** Opens an editor tab on a connection, marked with the connection's colour and, for production, its badge. */
    QueryTab openTab(ExternalDatabaseConfig config, String sql, boolean runNow) {
        QueryTab tab = workbench.open(config, sql, null);
        ConnectionMarker.mark(tab, config);
        if (runNow) {
            tab.model().run(sql, 0);
        }
        return tab;
    }

    private void closeCurrentTab() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null) {
            if (tab.getOnCloseRequest() != null) {
                // Ctrl+W asks like the tab's close button does (unsaved text)
                javafx.event.Event request = new javafx.event.Event(Tab.TAB_CLOSE_REQUEST_EVENT);
                tab.getOnCloseRequest().handle(request);
                if (request.isConsumed()) {
                    return;
                }
            }
            tabs.getTabs().remove(tab);
            if (tab.getOnClosed() != null) {
                tab.getOnClosed().handle(null);
            }
        }
    }

    /** Closes every tab's session; called when the window closes. */
    public void closeAll() {
        workbench.stop();
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            if (tab instanceof QueryTab q) {
                q.model().close();
            }
        }
        tabs.getTabs().clear();
    }

    /** Writes the window state (size, splits, theme, open connections and tabs) to the store; blocks. */
    public void saveState() {
        stateKeeper.save();
        workbench.saveNow();
    }

    /** The theme chooser and the window state's keeper. */
    public WindowStateKeeper stateKeeper() {
        return stateKeeper;
    }

    /** The window as it stands, for the window state. */
    WindowState captureState(javafx.stage.Stage stage) {
        ExternalDatabaseConfig selected = side.model().selected();
        return new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                List.of(split.getDividerPositions()[0], side.getDividerPositions()[0],
                        side.explorer().split().getDividerPositions()[0]),
                stateKeeper.theme(), selected == null ? null : selected.id(), side.model().connectedIds());
    }

    /** Puts the splits, selection and open connections back as a state says (the stage is done by the keeper). */
    void applyState(WindowState state) {
        List<Double> d = state.dividers();
        if (d.size() >= 3) {
            split.setDividerPositions(d.get(0));
            side.setDividerPositions(d.get(1));
            side.explorer().split().setDividerPositions(d.get(2));
        }
        List<ExternalDatabaseConfig> configs = side.model().configs();
        configs.stream().filter(c -> c.id().equals(state.selectedConnection())).findFirst().ifPresent(side.model()::select);
        for (String id : state.openConnections()) {
            configs.stream().filter(c -> c.id().equals(id)).findFirst().ifPresent(c -> side.model().connect(c, () -> {
                if (side.model().selected() != null && side.model().selected().id().equals(c.id())) {
                    tree().refresh();
                }
            }));
        }
        // the editor tabs come back through the workbench, which keeps them with their files
    }

    public TabPane tabs() {
        return tabs;
    }

    /** The query workbench: history panel, tabs kept between starts. */
    public Workbench workbench() {
        return workbench;
    }

    public SchemaTree tree() {
        return side.explorer().tree();
    }

    /** The left side: connections and the schema explorer. */
    public SidePanel side() {
        return side;
    }

    /** Export and import of connections (the toolbar's Connections menu). */
    public ConnectionTransferBar transfer() {
        return side.transfer();
    }

    /** The connections panel; {@code getItems()} lists the saved connections. */
    public ConnectionsPanel connections() {
        return side.connections();
    }

    /** The running background tasks shown in the status bar. */
    public TaskMonitor tasks() {
        return tasks;
    }
}
