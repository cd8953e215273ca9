package dev.sextant.ui.connections;

import atlantafx.base.controls.CustomTextField;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.ui.Icons;
import dev.sextant.ui.window.KeyText;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;

/**
 * The connections panel: folders and connections in a tree, a search box, a colour and a badge for each
 * connection's kind (production in red), and a dot for whether it is connected. Connections move between
 * folders by dragging, or with "Move to" in their context menu. New, edit, duplicate and delete are on its
 * toolbar and context menu; questions (a folder name, a delete) are asked inline, not in dialogs.
 */
public final class ConnectionsPanel extends VBox {

    /** Opens the form for a new connection; the main window binds it. */
    public static final KeyCombination NEW_CONNECTION = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    /** A folder row. */
    public record Folder(String name) {
    }

    private static final DataFormat CONNECTION_ID = new DataFormat("application/x-sextant-connection-id");

    private final ConnectionsModel model;
    private final Function<ExternalDatabaseConfig, ConnectionFormModel> forms;
    private final BiConsumer<ExternalDatabaseConfig, ExternalDatabaseConfig> afterUpdate;
    private final Consumer<ExternalDatabaseConfig> onOpen;
    private final TreeView<Object> tree = new TreeView<>();
    private final Label empty = new Label();
    private final InlinePrompt prompt = new InlinePrompt();
    private final ConnectionFormWindow formWindows = new ConnectionFormWindow();
    private final Set<String> collapsed = new HashSet<>();
    private boolean syncing;

    /**
     * @param forms       makes the form model for a connection to edit, or for a new one (null)
     * @param afterUpdate runs in the background after a saved connection changed (old and new config)
     * @param onOpen      opens a connection: connects it and shows its tree (double-click, Enter, Connect)
     */
    public ConnectionsPanel(ConnectionsModel model, Function<ExternalDatabaseConfig, ConnectionFormModel> forms,
                            BiConsumer<ExternalDatabaseConfig, ExternalDatabaseConfig> afterUpdate,
                            Consumer<ExternalDatabaseConfig> onOpen) {
        this.model = model;
        this.forms = forms;
        this.afterUpdate = afterUpdate;
        this.onOpen = onOpen;
        setId("connections-panel");
        getStyleClass().add("connections-panel");

        CustomTextField search = new CustomTextField();
        search.setId("connection-search");
        search.setPromptText("Search connections");
        search.setLeft(Icons.of(Feather.SEARCH));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.getStyleClass().add("small");
        VBox.setMargin(search, new Insets(0, 8, 6, 8));

        tree.setId("connection-list");
        tree.getStyleClass().add("connection-tree");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>("root"));
        tree.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        tree.setCellFactory(t -> new ConnectionCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!syncing && item != null && item.getValue() instanceof ExternalDatabaseConfig config) {
                model.select(config);
            }
        });
        tree.setOnKeyPressed(e -> {
            ExternalDatabaseConfig config = selectedConnection();
            if (e.getCode() == KeyCode.ENTER && config != null) {
                onOpen.accept(config);
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
            } else if (e.getCode() == KeyCode.F2) {
                renameSelected();
            } else if (e.getCode() == KeyCode.CONTEXT_MENU || e.getCode() == KeyCode.F10 && e.isShiftDown()) {
                showMenuAtSelection();
            } else {
                return;
            }
            e.consume();
        });
        // a drop on the empty part of the list moves a connection to the top level
        tree.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(CONNECTION_ID)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
        });
        tree.setOnDragDropped(e -> drop(e.getDragboard(), ""));
        // what an empty list means: no connection yet, or none that matches the search
        empty.setId("connections-empty");
        empty.getStyleClass().addAll("text-muted", "connections-empty");
        empty.setWrapText(true);
        empty.setMouseTransparent(true);
        empty.setVisible(false);
        empty.managedProperty().bind(empty.visibleProperty()); // no say in the panel's size while hidden
        StackPane.setAlignment(empty, Pos.TOP_LEFT);
        StackPane list = new StackPane(tree, empty);
        VBox.setVgrow(list, Priority.ALWAYS);

        getChildren().setAll(header(), prompt, search, list);
        model.listedProperty().addListener((o, a, b) -> updateEmpty());

        model.configs().addListener((ListChangeListener<ExternalDatabaseConfig>) c -> rebuild());
        model.emptyFolders().addListener((ListChangeListener<String>) c -> rebuild());
        model.searchProperty().addListener((o, a, b) -> rebuild());
        model.states().addListener((MapChangeListener<String, ConnectionsModel.State>) c -> tree.refresh());
        model.selectedProperty().addListener((o, a, config) -> selectInTree(config));
        model.problemProperty().addListener((o, a, problem) -> {
            if (problem != null) {
                prompt.problem(problem);
            }
        });
        rebuild();
    }

    private HBox header() {
        Label title = new Label("CONNECTIONS", Icons.of(Feather.DATABASE));
        title.getStyleClass().add("section-title");
        Button add = Icons.button("new-connection", Feather.PLUS, "New connection (" + KeyText.of(NEW_CONNECTION) + ")");
        add.setOnAction(e -> newConnection());
        Button folder = Icons.button("new-folder", Feather.FOLDER_PLUS, "New folder");
        folder.setOnAction(e -> newFolder());
        Button edit = Icons.button("edit-connection", Feather.EDIT_2, "Edit the selected connection");
        edit.setOnAction(e -> renameSelected());
        Button copy = Icons.button("duplicate-connection", Feather.COPY, "Duplicate the selected connection");
        copy.setOnAction(e -> {
            ExternalDatabaseConfig config = selectedConnection();
            if (config != null) {
                model.duplicate(config);
            }
        });
        Button delete = Icons.button("delete-connection", Feather.TRASH_2, "Delete the selected connection or empty folder");
        delete.setOnAction(e -> deleteSelected());
        edit.disableProperty().bind(tree.getSelectionModel().selectedItemProperty().isNull());
        copy.disableProperty().bind(model.selectedProperty().isNull());
        delete.disableProperty().bind(tree.getSelectionModel().selectedItemProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(2, title, spacer, add, folder, edit, copy, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 0));
        bar.getStyleClass().add("panel-header");
        return bar;
    }

    public ConnectionsModel model() {
        return model;
    }

    public TreeView<Object> tree() {
        return tree;
    }

    /** The connections in the panel, as the model holds them. */
    public List<ExternalDatabaseConfig> getItems() {
        return model.configs();
    }

    /** The context menu from the keyboard (the menu key or Shift+F10), beside the selected row. */
    private void showMenuAtSelection() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        ContextMenu menu = item.getValue() instanceof Folder f ? folderMenu(f.name())
                : connectionMenu((ExternalDatabaseConfig) item.getValue());
        javafx.scene.Node anchor = tree.lookupAll(".tree-cell").stream()
                .filter(n -> n instanceof TreeCell<?> c && c.getTreeItem() == item).findFirst().orElse(tree);
        menu.show(anchor, javafx.geometry.Side.BOTTOM, 24, 0);
    }

    private ExternalDatabaseConfig selectedConnection() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof ExternalDatabaseConfig c ? c : null;
    }

    /** Opens the form for a new connection, in the selected folder and of the selected connection's type. */
    public void newConnection() {
        ConnectionFormModel form = forms.apply(null);
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        if (item != null) {
            form.folderProperty().set(item.getValue() instanceof Folder f ? f.name()
                    : item.getValue() instanceof ExternalDatabaseConfig c ? c.folder() : "");
        }
        if (item != null && item.getValue() instanceof ExternalDatabaseConfig c) {
            // a new connection is most often like the one selected: same type, same folder
            form.providers().stream().filter(p -> p.type().equals(c.type())).findFirst().ifPresent(form.typeProperty()::set);
        }
        formWindows.open(getScene() == null ? null : getScene().getWindow(), form, model.folders(), model::saved, afterUpdate, null);
    }

    /** Opens the form of a saved connection. */
    public void edit(ExternalDatabaseConfig config) {
        formWindows.open(getScene() == null ? null : getScene().getWindow(), forms.apply(config), model.folders(),
                model::saved, afterUpdate, config.id());
    }

    public void newFolder() {
        prompt.askName("New folder", "", "Create", name -> model.folderNameProblem(name, null), model::createFolder);
    }

    private void renameSelected() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        if (item.getValue() instanceof Folder f) {
            renameFolder(f.name());
        } else if (item.getValue() instanceof ExternalDatabaseConfig c) {
            edit(c);
        }
    }

    private void renameFolder(String name) {
        prompt.askName("Rename folder '" + name + "'", name, "Rename", n -> model.folderNameProblem(n, name),
                n -> model.renameFolder(name, n));
    }

    private void deleteSelected() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        if (item.getValue() instanceof Folder f) {
            model.deleteFolder(f.name());
        } else if (item.getValue() instanceof ExternalDatabaseConfig c) {
            confirmDelete(c);
        }
    }

    private void confirmDelete(ExternalDatabaseConfig c) {
        prompt.confirm("Delete '" + c.name() + "'?", "Its saved passwords are removed from the keychain too. "
                + "This cannot be undone.", "Delete", () -> model.delete(c));
    }

    private void drop(Dragboard board, String folder) {
        Object id = board.getContent(CONNECTION_ID);
        model.configs().stream().filter(c -> c.id().equals(id)).findFirst().ifPresent(c -> model.move(c, folder));
    }

    /** Builds the rows again: folders first (open unless the user closed them), then top-level connections. */
    private void rebuild() {
        syncing = true;
        try {
            boolean searching = model.searchProperty().get() != null && !model.searchProperty().get().isBlank();
            TreeItem<Object> root = new TreeItem<>("root");
            for (String folder : model.folders()) {
                TreeItem<Object> item = new TreeItem<>(new Folder(folder));
                model.configs().stream().filter(c -> c.folder().equalsIgnoreCase(folder) && model.matches(c))
                        .forEach(c -> item.getChildren().add(new TreeItem<>(c)));
                if (searching && item.getChildren().isEmpty()) {
                    continue;
                }
                item.setExpanded(searching || !collapsed.contains(folder));
                item.expandedProperty().addListener((o, a, open) -> {
                    if (!searching) {
                        if (open) {
                            collapsed.remove(folder);
                        } else {
                            collapsed.add(folder);
                        }
                    }
                });
                root.getChildren().add(item);
            }
            model.configs().stream().filter(c -> c.folder().isEmpty() && model.matches(c))
                    .forEach(c -> root.getChildren().add(new TreeItem<>(c)));
            tree.setRoot(root);
            selectInTree(model.selected());
        } finally {
            syncing = false;
        }
        updateEmpty();
    }

    /** Says why the list is empty, once the saved connections have been read; hidden while it has rows. */
    private void updateEmpty() {
        boolean none = tree.getRoot() == null || tree.getRoot().getChildren().isEmpty();
        String search = model.searchProperty().get() == null ? "" : model.searchProperty().get().strip();
        empty.setText(!search.isEmpty() ? "No connection matches \u201c" + search + "\u201d."
                : "No connections yet. Add one with + (" + KeyText.of(NEW_CONNECTION) + "), or import a file from the Connections menu.");
        empty.setVisible(none && model.listedProperty().get());
    }

    private void selectInTree(ExternalDatabaseConfig config) {
        if (config == null) {
            return;
        }
        TreeItem<Object> item = find(tree.getRoot(), config.id());
        boolean was = syncing;
        syncing = true;
        try {
            if (item != null && item != tree.getSelectionModel().getSelectedItem()) {
                tree.getSelectionModel().select(item);
            }
        } finally {
            syncing = was;
        }
    }

    private static TreeItem<Object> find(TreeItem<Object> parent, String id) {
        for (TreeItem<Object> child : parent.getChildren()) {
            if (child.getValue() instanceof ExternalDatabaseConfig c && c.id().equals(id)) {
                return child;
            }
            TreeItem<Object> inside = find(child, id);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }

    private ContextMenu connectionMenu(ExternalDatabaseConfig c) {
        boolean connected = model.state(c) == ConnectionsModel.State.CONNECTED;
        MenuItem open = new MenuItem(connected ? "Refresh schema" : "Connect", Icons.of(connected ? Feather.REFRESH_CW : Feather.LOG_IN));
        open.setOnAction(e -> onOpen.accept(c));
        MenuItem disconnect = new MenuItem("Disconnect", Icons.of(Feather.LOG_OUT));
        disconnect.setDisable(!connected);
        disconnect.setOnAction(e -> model.disconnect(c));
        MenuItem edit = new MenuItem("Edit…", Icons.of(Feather.EDIT_2));
        edit.setOnAction(e -> edit(c));
        MenuItem duplicate = new MenuItem("Duplicate", Icons.of(Feather.COPY));
        duplicate.setOnAction(e -> model.duplicate(c));
        Menu move = new Menu("Move to", Icons.of(Feather.FOLDER));
        move.setId("move-to");
        MenuItem top = new MenuItem("(top level)");
        top.setDisable(c.folder().isEmpty());
        top.setOnAction(e -> model.move(c, ""));
        move.getItems().add(top);
        for (String folder : model.folders()) {
            MenuItem item = new MenuItem(folder);
            item.setDisable(folder.equals(c.folder()));
            item.setOnAction(e -> model.move(c, folder));
            move.getItems().add(item);
        }
        MenuItem delete = new MenuItem("Delete…", Icons.of(Feather.TRASH_2));
        delete.setOnAction(e -> confirmDelete(c));
        return new ContextMenu(open, disconnect, new SeparatorMenuItem(), edit, duplicate, move, new SeparatorMenuItem(), delete);
    }

    private ContextMenu folderMenu(String folder) {
        MenuItem add = new MenuItem("New connection here…", Icons.of(Feather.PLUS));
        add.setOnAction(e -> newConnection());
        MenuItem rename = new MenuItem("Rename…", Icons.of(Feather.EDIT_2));
        rename.setOnAction(e -> renameFolder(folder));
        MenuItem delete = new MenuItem("Delete folder", Icons.of(Feather.TRASH_2));
        delete.setDisable(model.configs().stream().anyMatch(c -> c.folder().equals(folder)));
        delete.setOnAction(e -> model.deleteFolder(folder));
        return new ContextMenu(add, rename, delete);
    }

    /** A folder or a connection row; both take drops, connections can be dragged. */
    private final class ConnectionCell extends TreeCell<Object> {

        ConnectionCell() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() instanceof ExternalDatabaseConfig c) {
                    onOpen.accept(c);
                }
            });
            setOnDragDetected(e -> {
                if (getItem() instanceof ExternalDatabaseConfig c) {
                    Dragboard board = startDragAndDrop(TransferMode.MOVE);
                    ClipboardContent content = new ClipboardContent();
                    content.put(CONNECTION_ID, c.id());
                    content.putString(c.name());
                    board.setContent(content);
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(CONNECTION_ID) && getItem() != null) {
                    e.acceptTransferModes(TransferMode.MOVE);
                    if (!getStyleClass().contains("drop-target")) {
                        getStyleClass().add("drop-target");
                    }
                    e.consume();
                }
            });
            setOnDragExited(e -> getStyleClass().remove("drop-target"));
            setOnDragDropped(e -> {
                Object item = getItem();
                if (e.getDragboard().hasContent(CONNECTION_ID) && item != null) {
                    drop(e.getDragboard(), item instanceof Folder f ? f.name() : ((ExternalDatabaseConfig) item).folder());
                    e.setDropCompleted(true);
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("folder-row", "connection-row", "production-row");
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setContextMenu(null);
                setTooltip(null);
                return;
            }
            if (item instanceof Folder f) {
                long count = model.configs().stream().filter(c -> c.folder().equalsIgnoreCase(f.name())).count();
                Label name = new Label(f.name(), Icons.of(Feather.FOLDER));
                name.getStyleClass().add("node-name");
                Label detail = new Label(String.valueOf(count));
                detail.getStyleClass().add("node-detail");
                HBox box = new HBox(6, name, detail);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
                getStyleClass().add("folder-row");
                setContextMenu(folderMenu(f.name()));
                setTooltip(null);
                return;
            }
            ExternalDatabaseConfig c = (ExternalDatabaseConfig) item;
            ConnectionsModel.State state = model.state(c);
            Circle dot = new Circle(4);
            dot.getStyleClass().addAll("state-dot", "state-" + state.name().toLowerCase(Locale.ROOT));
            Region chip = new Region();
            chip.getStyleClass().add("color-chip");
            if (c.color() != null) {
                chip.setStyle("-fx-background-color: " + c.color() + ";");
            } else {
                chip.setVisible(false);
            }
            Label name = new Label(c.name());
            name.getStyleClass().add("node-name");
            Label type = new Label(typeName(c));
            type.getStyleClass().add("node-detail");
            HBox box = new HBox(6, dot, chip, Icons.of(Feather.DATABASE), name, type);
            box.setAlignment(Pos.CENTER_LEFT);
            if (c.kind() != ConnectionKind.DEVELOPMENT) {
                Label badge = new Label(c.kind() == ConnectionKind.PRODUCTION ? "PROD" : c.kind().label().toUpperCase(Locale.ROOT));
                badge.getStyleClass().addAll("kind-badge", "kind-" + c.kind().name().toLowerCase(Locale.ROOT));
                box.getChildren().add(badge);
            }
            if (c.mcp().available()) {
                Label mcp = new Label(c.mcp().mayWrite() ? "MCP rw" : "MCP");
                mcp.getStyleClass().addAll("kind-badge", "mcp-badge");
                mcp.setTooltip(new Tooltip(c.mcp().mayWrite()
                        ? "LLM clients of \"sextant mcp\" see this connection and may change data through it"
                        : "LLM clients of \"sextant mcp\" see this connection, on read-only sessions"));
                box.getChildren().add(mcp);
            }
            if (c.readOnly()) {
                Label ro = new Label(null, Icons.of(Feather.LOCK));
                ro.setTooltip(new Tooltip("Read-only"));
                box.getChildren().add(ro);
            }
            setGraphic(box);
            getStyleClass().add("connection-row");
            if (c.kind() == ConnectionKind.PRODUCTION) {
                getStyleClass().add("production-row");
            }
            setContextMenu(connectionMenu(c));
            String stateText = switch (state) {
                case CONNECTED -> "connected";
                case CONNECTING -> "connecting…";
                case FAILED -> "connection failed: " + model.failure(c).orElse("");
                case DISCONNECTED -> "not connected";
            };
            setTooltip(new Tooltip(c.name() + " · " + typeName(c) + " · " + c.kind().label() + (c.readOnly() ? " · read-only" : "")
                    + "\n" + stateText));
        }

        private String typeName(ExternalDatabaseConfig c) {
            return model.displayName(c.type());
        }
    }
}
