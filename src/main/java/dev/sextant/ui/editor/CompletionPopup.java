package dev.sextant.ui.editor;

import dev.sextant.sql.Completion;
import dev.sextant.ui.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import org.kordamp.ikonli.feather.Feather;

/** The autocomplete list under the caret: name, a hint (type or schema), and an icon per kind. */
final class CompletionPopup extends Popup {

    private final ListView<Completion> list = new ListView<>();

    CompletionPopup() {
        list.setId("completion-list");
        list.getStyleClass().add("completion-list");
        list.setPrefWidth(420);
        list.setFixedCellSize(26);
        list.getItems().addListener((javafx.collections.ListChangeListener<Completion>) c ->
                list.setPrefHeight(Math.min(10, Math.max(1, list.getItems().size())) * 26 + 4));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Completion item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(item.label(), Icons.of(switch (item.kind()) {
                    case COLUMN -> Feather.COLUMNS;
                    case TABLE -> Feather.GRID;
                    case VIEW -> Feather.EYE;
                    case SCHEMA -> Feather.LAYERS;
                    case ALIAS -> Feather.AT_SIGN;
                    case KEYWORD -> Feather.TYPE;
                    case FUNCTION -> Feather.CODE;
                }));
                name.getStyleClass().add("completion-name");
                Label detail = new Label(item.detail());
                detail.getStyleClass().add("completion-detail");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                HBox box = new HBox(8, name, spacer, detail);
                box.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(box);
            }
        });
        getContent().add(list);
        setAutoHide(true);
    }

    ListView<Completion> list() {
        return list;
    }

    void move(int delta) {
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        int i = Math.floorMod(list.getSelectionModel().getSelectedIndex() + delta, size);
        list.getSelectionModel().select(i);
        list.scrollTo(Math.max(0, i - 3));
    }
}
