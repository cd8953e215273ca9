package dev.sextant.ui.explorer;

import atlantafx.base.controls.CustomTextField;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.DefinitionText;
import dev.sextant.query.SchemaCache;
import dev.sextant.query.Workspace;
import dev.sextant.schema.Table;
import dev.sextant.ui.Icons;
import dev.sextant.ui.Tips;
import dev.sextant.ui.task.TaskMonitor;
import dev.sextant.ui.window.KeyText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The schema half of the left side: a header with the connection (a production connection is marked in
 * red) and when its schema was scanned, a filter box, the schema tree with "find object" above it, and
 * the details pane below. Shortcuts: Ctrl+Shift+O find an object, Ctrl+Alt+F the filter box.
 */
public final class ExplorerPanel extends VBox {

    public static final KeyCombination FIND_OBJECT = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination FOCUS_FILTER = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.ALT_DOWN);

    private final Workspace workspace;
    private final SchemaTree tree;
    private final DetailsPane details = new DetailsPane();
    private final FindObjectBar find;
    private final CustomTextField filter = new CustomTextField();
    private final Label productionBanner = new Label();
    private final Label scanned = new Label();
    private final Label filterStatus = new Label();
    private final SplitPane split;

    /** What the explorer asks of the window and the connections panel. */
    public interface Host {
        void openTable(ExternalDatabaseConfig config, Table table);

        void openQuery(ExternalDatabaseConfig config, String sql);

        void connectionChanged(ExternalDatabaseConfig config, Throwable error);
    }

    public ExplorerPanel(Workspace workspace, TaskMonitor tasks, Supplier<SchemaCache> cache, Host host) {
        this.workspace = workspace;
        setId("explorer-panel");
        getStyleClass().add("explorer-panel");
        this.tree = new SchemaTree(workspace, tasks, cache, new SchemaTree.Actions() {
            @Override
            public void openTable(ExternalDatabaseConfig config, Table table) {
                host.openTable(config, table);
            }

            @Override
            public void openQuery(ExternalDatabaseConfig config, String sql) {
                host.openQuery(config, sql);
            }

            @Override
            public void showDefinition(ExplorerNode node) {
                TreeItem<ExplorerNode> selected = tree.getSelectionModel().getSelectedItem();
                if (selected == null || selected.getValue() != node) {
                    showDetails(node);
                }
                details.showDefinitionTab();
            }

            @Override
            public void connectionChanged(ExternalDatabaseConfig config, Throwable error) {
                host.connectionChanged(config, error);
            }
        });
        this.find = new FindObjectBar(tree::find, tree::reveal);

        Label title = new Label("SCHEMA", Icons.of(Feather.LAYERS));
        title.getStyleClass().add("section-title");
        scanned.setId("scanned-at");
        scanned.getStyleClass().addAll("text-muted", "scanned-at");
        scanned.setMinWidth(0);
        Tips.set(scanned, "The tree shows the last scan, kept between runs. Refresh (F5) reads the database again.");
        Button findButton = Icons.button("find-object-button", Feather.CROSSHAIR, "Find an object by name (" + KeyText.of(FIND_OBJECT) + ")");
        findButton.setOnAction(e -> openFind());
        Button refresh = Icons.button("refresh-schema", Feather.REFRESH_CW, "Read the schema again from the database (F5)");
        refresh.setOnAction(e -> tree.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(4, title, scanned, spacer, findButton, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(4, 6, 4, 0));
        header.getStyleClass().add("panel-header");

        productionBanner.setId("production-banner");
        productionBanner.getStyleClass().add("production-banner");
        productionBanner.setGraphic(Icons.of(Feather.ALERT_OCTAGON));
        productionBanner.setMaxWidth(Double.MAX_VALUE);
        productionBanner.setVisible(false);
        productionBanner.managedProperty().bind(productionBanner.visibleProperty());

        filter.setId("schema-filter");
        filter.setPromptText("Filter by name (" + KeyText.of(FOCUS_FILTER) + ")");
        filter.setLeft(Icons.of(Feather.FILTER));
        Button clear = new Button(null, Icons.of(Feather.X));
        clear.getStyleClass().addAll("flat", "small", "button-icon");
        clear.setOnAction(e -> filter.clear());
        clear.visibleProperty().bind(filter.textProperty().isNotEmpty());
        filter.setRight(clear);
        filter.getStyleClass().add("small");
        filter.textProperty().addListener((o, a, text) -> tree.setFilter(text));
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
                tree.requestFocus();
            } else if (e.getCode() == KeyCode.DOWN) {
                tree.requestFocus();
                if (tree.getSelectionModel().isEmpty()) {
                    tree.getSelectionModel().selectFirst();
                }
            }
        });
        filterStatus.setId("filter-status");
        filterStatus.getStyleClass().addAll("text-muted", "filter-status");
        filterStatus.textProperty().bind(tree.filterStatusProperty());
        filterStatus.visibleProperty().bind(tree.filterStatusProperty().isNotNull());
        filterStatus.managedProperty().bind(filterStatus.visibleProperty());
        Label problem = new Label(null, Icons.of(Feather.ALERT_TRIANGLE));
        problem.setId("explorer-problem");
        problem.getStyleClass().add("explorer-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(tree.problemProperty());
        problem.visibleProperty().bind(tree.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox filterBox = new VBox(2, filter, filterStatus, problem);
        filterBox.setPadding(new Insets(0, 8, 6, 8));

        StackPane treeArea = new StackPane(tree, find);
        StackPane.setAlignment(find, Pos.TOP_CENTER);
        VBox top = new VBox(filterBox, treeArea);
        VBox.setVgrow(treeArea, Priority.ALWAYS);
        split = new SplitPane(top, details);
        split.setId("explorer-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(details, false);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(header, productionBanner, split);

        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> showDetails(item == null ? null : item.getValue()));
        tree.scannedAtProperty().addListener((o, a, b) -> showScanned());
        Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(30), e -> showScanned()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(FIND_OBJECT, this::openFind);
                scene.getAccelerators().put(FOCUS_FILTER, () -> {
                    filter.requestFocus();
                    filter.selectAll();
                });
            }
        });
        showScanned();
    }

    public SchemaTree tree() {
        return tree;
    }

    public DetailsPane details() {
        return details;
    }

    public CustomTextField filter() {
        return filter;
    }

    public FindObjectBar findBar() {
        return find;
    }

    public SplitPane split() {
        return split;
    }

    /** Opens "find object". */
    public void openFind() {
        if (tree.connection() != null) {
            find.open();
        }
    }

    /** Shows a connection's tree (from memory or the cache when it can), with its production marker. */
    public void show(ExternalDatabaseConfig config) {
        tree.showConnection(config);
        boolean production = config != null && config.kind() == ConnectionKind.PRODUCTION;
        productionBanner.setText(production ? "PRODUCTION · " + config.name() + (config.readOnly() ? " · read-only" : "") : "");
        productionBanner.setVisible(production);
        if (production) {
            getStyleClass().add("production");
        } else {
            getStyleClass().remove("production");
        }
        showDetails(null);
    }

    private void showDetails(ExplorerNode node) {
        ExternalDatabaseConfig config = tree.connection();
        String text = "";
        if (node != null && config != null) {
            text = new DefinitionText(workspace.dialect(config)).of(node.payload(), node.schema(), node.owner());
        }
        details.show(node, config, text);
    }

    private void showScanned() {
        Instant at = tree.scannedAtProperty().get();
        scanned.setText(at == null ? "" : "· scanned " + age(at, Instant.now()));
    }

    /** "just now", "3 min ago", "5 h ago", "2 days ago", or the date for anything older than a week. */
    static String age(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.toSeconds() < 60) {
            return "just now";
        } else if (d.toMinutes() < 60) {
            return d.toMinutes() + " min ago";
        } else if (d.toHours() < 24) {
            return d.toHours() + " h ago";
        } else if (d.toDays() < 7) {
            return d.toDays() + (d.toDays() == 1 ? " day ago" : " days ago");
        }
        return "on " + DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneId.systemDefault()).format(then);
    }
}
