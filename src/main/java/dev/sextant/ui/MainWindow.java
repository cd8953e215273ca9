package dev.sextant.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.schema.Table;
import dev.sextant.ui.editor.QueryTab;
import dev.sextant.ui.editor.Workbench;
import dev.sextant.ui.explorer.SchemaTree;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
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
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The main window's content: connections and the schema tree on the left, editor tabs on the right,
 * a status bar below. Shortcuts: Ctrl+T new query tab, Ctrl+W close tab, F5 refresh the tree.
 */
public final class MainWindow extends BorderPane {

    static final KeyCombination NEW_QUERY = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CLOSE_TAB = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);

    private final UiContext context;
    private final TaskExecutor executor;
    private final ListView<ExternalDatabaseConfig> connections = new ListView<>();
    private final SchemaTree tree;
    private final TabPane tabs = new TabPane();
    private final Label status = new Label("Starting…");
    private final ProgressBar progress = new ProgressBar();
    private final Label notice = new Label(null, Icons.of(Feather.ALERT_TRIANGLE));
    private boolean keychainChecked;
    private final ConnectionTransferBar transfer;
    private final Workbench workbench;

    public MainWindow(UiContext context, TaskExecutor executor) {
        this.context = context;
        this.executor = executor;
        this.tree = new SchemaTree(context.workspace(), executor, this::openTable);
        getStyleClass().add("main-window");

        connections.setId("connection-list");
        connections.setCellFactory(list -> new ConnectionCell());
        connections.setPlaceholder(new Label("No connections yet"));
        connections.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> tree.showConnection(selected));
        connections.setPrefHeight(120);

        this.transfer = new ConnectionTransferBar(context.catalog(), executor, this::showConnections, status::setText);
        VBox left = new VBox(section("Connections", Feather.DATABASE), transfer, connections, section("Schema", Feather.LAYERS), tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        left.getStyleClass().add("side-panel");
        left.setMinWidth(220);

        tabs.setId("editor-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        Label hint = new Label("Double-click a table to query it, or press Ctrl+T for a new query.", Icons.of(Feather.COMPASS));
        hint.getStyleClass().add("empty-hint");
        StackPane center = new StackPane(hint, tabs);
        tabs.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tabs.getTabs()));
        hint.visibleProperty().bind(tabs.visibleProperty().not()); // never shows through a tab's empty areas
        this.workbench = new Workbench(context, executor, tabs, connections::getItems,
                connections.getSelectionModel()::getSelectedItem, status::setText);

        SplitPane split = new SplitPane(left, workbench.workArea(center));
        split.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(left, false);

        setTop(toolbar());
        setCenter(split);
        setBottom(statusBar());
        // Accelerators work wherever the focus is, the editor included.
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(NEW_QUERY, this::newQuery);
                scene.getAccelerators().put(CLOSE_TAB, this::closeCurrentTab);
                scene.getAccelerators().put(REFRESH, tree::refresh);
                workbench.installAccelerators(scene);
            }
        });
    }

    private static Label section(String title, Feather icon) {
        Label label = new Label(title.toUpperCase(java.util.Locale.ROOT), Icons.of(icon));
        label.getStyleClass().add("section-title");
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private ToolBar toolbar() {
        Button newQuery = new Button("New query", Icons.of(Feather.PLUS_SQUARE));
        newQuery.setId("new-query");
        newQuery.setTooltip(new Tooltip("Open a query tab on the selected connection (Ctrl+T)"));
        newQuery.setOnAction(e -> newQuery());
        newQuery.disableProperty().bind(connections.getSelectionModel().selectedItemProperty().isNull());

        Button refresh = new Button("Refresh", Icons.of(Feather.REFRESH_CW));
        refresh.setId("refresh-tree");
        refresh.setTooltip(new Tooltip("Read the schema again (F5)"));
        refresh.setOnAction(e -> tree.refresh());

        ToggleButton system = new ToggleButton("System schemas", Icons.of(Feather.EYE));
        system.setId("system-schemas");
        system.setTooltip(new Tooltip("Also show the database's own schemas, such as pg_catalog or INFORMATION_SCHEMA"));
        system.selectedProperty().addListener((obs, was, on) -> tree.setShowSystemSchemas(on));

        ToggleButton dark = new ToggleButton(null, Icons.of(Feather.MOON));
        dark.setId("dark-mode");
        dark.setTooltip(new Tooltip("Dark theme"));
        dark.selectedProperty().addListener((obs, was, on) -> Application.setUserAgentStylesheet(
                on ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet()));

        MenuItem export = new MenuItem("Export all connections…", Icons.of(Feather.UPLOAD));
        export.setOnAction(e -> transfer.chooseExportFile());
        MenuItem importItem = new MenuItem("Import connections…", Icons.of(Feather.DOWNLOAD));
        importItem.setOnAction(e -> transfer.chooseImportFile());
        MenuButton connectionsMenu = new MenuButton("Connections", Icons.of(Feather.DATABASE), export, importItem);
        connectionsMenu.setId("connections-menu");

        Label brand = new Label("Sextant", Icons.of(Feather.COMPASS));
        brand.getStyleClass().add("brand");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(brand, newQuery, refresh, system, connectionsMenu, workbench.historyToggle(), spacer, dark);
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
        HBox bar = new HBox(8, status, progress, notice, spacer, version);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** Runs the start-up work in the background, then lists the connections and opens the first. */
    public void start() {
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
                .onSuccess(this::showConnections)
                .onFailure(this::startupFailed)
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
        ExternalDatabaseConfig selected = connections.getSelectionModel().getSelectedItem();
        connections.getItems().setAll(configs);
        status.setText(configs.size() + (configs.size() == 1 ? " connection" : " connections"));
        int keep = selected == null ? -1 : configs.stream().map(ExternalDatabaseConfig::id).toList().indexOf(selected.id());
        if (keep >= 0) {
            connections.getSelectionModel().select(keep);
        } else if (!configs.isEmpty()) {
            connections.getSelectionModel().select(0);
        }
        workbench.restoreOnce();
        if (!keychainChecked) {
            keychainChecked = true;
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

    /** A query tab on the selected connection. */
    public QueryTab newQuery() {
        ExternalDatabaseConfig config = connections.getSelectionModel().getSelectedItem();
        return config == null ? null : openTab(config, "", false);
    }

    private void openTable(ExternalDatabaseConfig config, Table table) {
        String sql = "SELECT * FROM " + context.workspace().dialect(config).qualify(table.schema(), table.name());
        openTab(config, sql, true);
    }

    private QueryTab openTab(ExternalDatabaseConfig config, String sql, boolean runNow) {
        QueryTab tab = workbench.open(config, sql, null);
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

    /** Keeps the open tabs for the next start, on the calling thread; called once the window has closed. */
    public void saveTabsNow() {
        workbench.saveNow();
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

    public TabPane tabs() {
        return tabs;
    }

    /** The query workbench: history panel, tabs kept between starts. */
    public Workbench workbench() {
        return workbench;
    }

    public SchemaTree tree() {
        return tree;
    }

    /** Export and import of connections (the toolbar's Connections menu). */
    public ConnectionTransferBar transfer() {
        return transfer;
    }

    public ListView<ExternalDatabaseConfig> connections() {
        return connections;
    }

    /** A connection row: icon, name, type, and a badge for the connection's kind. */
    private static final class ConnectionCell extends ListCell<ExternalDatabaseConfig> {
        @Override
        protected void updateItem(ExternalDatabaseConfig config, boolean empty) {
            super.updateItem(config, empty);
            if (empty || config == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(config.name());
            name.getStyleClass().add("node-name");
            Label type = new Label(config.type());
            type.getStyleClass().add("node-detail");
            HBox box = new HBox(6, Icons.of(Feather.DATABASE), name, type);
            box.setAlignment(Pos.CENTER_LEFT);
            if (config.kind() != ConnectionKind.DEVELOPMENT) {
                Label badge = new Label(config.kind().label());
                badge.getStyleClass().addAll("kind-badge", "kind-" + config.kind().name().toLowerCase(java.util.Locale.ROOT));
                box.getChildren().add(badge);
            }
            setText(null);
            setGraphic(box);
        }
    }
}
