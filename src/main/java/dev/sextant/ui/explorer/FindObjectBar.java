package dev.sextant.ui.explorer;

import atlantafx.base.controls.CustomTextField;
import dev.sextant.schema.SchemaMatch;
import dev.sextant.ui.Icons;
import dev.sextant.ui.ShownLater;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * "Find object" (Ctrl+Shift+O): type part of a name, pick a table, view, column, routine… from the list
 * (exact names first), and the tree opens down to it. Enter takes the highlighted hit, Esc closes.
 */
public final class FindObjectBar extends VBox {

    /** Searches for the text and hands the hits back on the JavaFX thread. */
    @FunctionalInterface
    public interface Search {
        void find(String text, Consumer<List<SchemaMatch>> onFound);
    }

    private final CustomTextField input = new CustomTextField();
    private final ListView<SchemaMatch> hits = new ListView<>();
    private final Label status = new Label();
    private final PauseTransition pause = new PauseTransition(Duration.millis(120));
    private long generation;

    public FindObjectBar(Search search, Consumer<SchemaMatch> onChosen) {
        super(6);
        setId("find-object");
        getStyleClass().add("find-object");
        setPadding(new Insets(8));
        input.setId("find-object-input");
        input.setPromptText("Find a table, view, column… by name");
        input.setLeft(Icons.of(Feather.SEARCH));
        hits.setId("find-object-hits");
        hits.setPrefHeight(260);
        hits.setCellFactory(list -> new HitCell());
        status.getStyleClass().add("text-muted");
        status.setId("find-object-status");
        pause.setOnFinished(e -> {
            long mine = ++generation;
            String text = input.getText();
            if (text == null || text.isBlank()) {
                hits.getItems().clear();
                status.setText("Type part of a name.");
                return;
            }
            status.setText("Searching…");
            search.find(text, found -> {
                if (mine == generation) {
                    hits.getItems().setAll(found);
                    if (!found.isEmpty()) {
                        hits.getSelectionModel().select(0);
                    }
                    status.setText(found.isEmpty() ? "Nothing is called that."
                            : found.size() >= SchemaTree.MAX_FOUND ? "The first " + found.size() + " objects; type more to narrow."
                            : found.size() + (found.size() == 1 ? " object" : " objects"));
                }
            });
        });
        input.textProperty().addListener((o, a, b) -> pause.playFromStart());
        Runnable choose = () -> {
            SchemaMatch chosen = hits.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                close();
                onChosen.accept(chosen);
            }
        };
        input.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case ENTER -> choose.run();
                case ESCAPE -> close();
                case DOWN -> hits.getSelectionModel().selectNext();
                case UP -> hits.getSelectionModel().selectPrevious();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        hits.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                choose.run();
            }
        });
        hits.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose.run();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
            }
        });
        Label title = new Label("Find object", Icons.of(Feather.CROSSHAIR));
        title.getStyleClass().add("find-title");
        Label keys = new Label("Enter opens it · Esc closes");
        keys.getStyleClass().add("text-muted");
        HBox header = new HBox(8, title, keys);
        header.setAlignment(Pos.BASELINE_LEFT);
        setVisible(false);
        managedProperty().bind(visibleProperty());
        ShownLater.children(this, header, input, hits, status);
    }

    public void open() {
        setVisible(true);
        input.requestFocus();
        input.selectAll();
        if (input.getText() != null && !input.getText().isBlank()) {
            pause.playFromStart();
        }
    }

    public void close() {
        setVisible(false);
    }

    public CustomTextField input() {
        return input;
    }

    public ListView<SchemaMatch> hits() {
        return hits;
    }

    /** A hit: its icon, its name, and where it is. */
    private static final class HitCell extends ListCell<SchemaMatch> {
        HitCell() {
            // as wide as the list, never wider: no horizontal scroll bar over the last row
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SchemaMatch m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(m.name());
            name.getStyleClass().add("node-name");
            Label where = new Label(m.kind().label() + " · " + (m.table().isEmpty() ? m.schema() : m.schema() + "." + m.table()));
            where.getStyleClass().add("node-detail");
            // the name stays whole; where it lies gives way, cut short with an ellipsis
            name.setMinWidth(Region.USE_PREF_SIZE);
            where.setMinWidth(0);
            HBox box = new HBox(6, Icons.forKind(m.kind()), name, where);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
        }
    }
}
