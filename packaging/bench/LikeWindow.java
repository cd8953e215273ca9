import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * A second reference for the start-up benchmark, beside the bare window: a window laid out like Sextant's
 * main window at its first frame (a tool bar, the connections list and the schema tree with their
 * headers, buttons and search fields, the details tabs, the editor area's message and a status bar),
 * made of the same JavaFX controls and styled by the same theme, with none of Sextant's own work (no
 * icons, no store, no logging, no services). Sextant's time against this one says how much of its start
 * is its own; the bare window says how much is JavaFX's cold code for these controls. Built with
 * BareWindow.java, whose report of the time shown it shares.
 */
public final class LikeWindow {

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The JavaFX application; the launcher above does not extend Application, as Sextant's does not. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
            BorderPane root = new BorderPane();
            root.setTop(toolBar());
            SplitPane side = new SplitPane(connections(), schema(), details());
            side.setOrientation(Orientation.VERTICAL);
            side.setDividerPositions(0.3, 0.75);
            StackPane editorArea = new StackPane(new Label("Double-click a table to query it, or press Ctrl+T for a new query."));
            SplitPane main = new SplitPane(side, editorArea);
            main.setDividerPositions(0.27);
            root.setCenter(main);
            Label status = new Label("1 connection");
            Pane gap = new Pane();
            HBox.setHgrow(gap, Priority.ALWAYS);
            root.setBottom(new HBox(status, gap, new Label("Like window")));
            stage.setScene(new Scene(root, 1280, 800));
            stage.setTitle("Like window");
            stage.show();
            BareWindow.shown();
        }

        private static ToolBar toolBar() {
            MenuButton connections = new MenuButton("Connections");
            connections.getItems().addAll(new MenuItem("New connection"), new MenuItem("Import"), new MenuItem("Export"));
            Pane gap = new Pane();
            HBox.setHgrow(gap, Priority.ALWAYS);
            return new ToolBar(new Label("Sextant"), new Button("New query"), new Button("Refresh"),
                    new ToggleButton("System schemas"), connections, new Button("MCP log"), new ToggleButton("History"), gap,
                    new MenuButton("Theme"));
        }

        private static Node connections() {
            TreeItem<String> rootItem = new TreeItem<>("");
            rootItem.getChildren().add(new TreeItem<>("Sample"));
            TreeView<String> tree = new TreeView<>(rootItem);
            tree.setShowRoot(false);
            return panel("CONNECTIONS", tree, new TextField(), "New", "Folder", "Edit", "Copy", "Delete");
        }

        private static Node schema() {
            TreeView<String> tree = new TreeView<>(new TreeItem<>("Sample"));
            return panel("SCHEMA", tree, new TextField(), "Find", "Refresh");
        }

        private static Node details() {
            TabPane tabs = new TabPane(new Tab("Properties", new Label("Select an object in the tree to see its properties.")),
                    new Tab("Definition"));
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            return tabs;
        }

        private static Node panel(String title, TreeView<String> tree, TextField search, String... buttons) {
            HBox header = new HBox(new Label(title));
            Pane gap = new Pane();
            HBox.setHgrow(gap, Priority.ALWAYS);
            header.getChildren().add(gap);
            for (String b : buttons) {
                Button button = new Button(b);
                button.getStyleClass().addAll("flat", "small");
                header.getChildren().add(button);
            }
            search.setPromptText("Search");
            VBox.setVgrow(tree, Priority.ALWAYS);
            return new VBox(header, search, tree);
        }
    }
}
