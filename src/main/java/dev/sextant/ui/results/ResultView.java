package dev.sextant.ui.results;

import dev.sextant.connector.ColumnInfo;
import dev.sextant.query.ResultPageView;
import dev.sextant.ui.Icons;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;

/**
 * One result set on screen: a filter for the fetched rows (with a note that says sorting and filtering
 * cover only those rows), the grid, and the value viewer beside it for the selected cell.
 */
public final class ResultView extends BorderPane {

    private final ResultGrid grid = new ResultGrid();
    private final ValueViewer viewer = new ValueViewer(this::hideValue);
    private final SplitPane split = new SplitPane(grid);
    private final TextField filter = new TextField();
    private final Label note = new Label();
    private HBox filterBar;

    public ResultView() {
        getStyleClass().add("result-view");
        filter.setId("grid-filter");
        filter.setPromptText("Filter the fetched rows of this page");
        filter.setPrefColumnCount(28);
        filter.textProperty().addListener((o, a, text) -> grid.setFilter(text));
        note.setId("grid-note");
        note.getStyleClass().add("grid-note");
        note.textProperty().bind(grid.noteProperty());
        note.setWrapText(true);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox bar = new HBox(8, Icons.of(Feather.FILTER), filter, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("grid-bar");
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setVisible(false);
        setTop(bar);
        this.filterBar = bar;
        setCenter(split);
        grid.setOnShowValue(column -> {
            Object[] focused = grid.focusedValue();
            if (focused != null) {
                showValue(grid.columnsShown().get((int) focused[0]), focused[1]);
            }
        });
        grid.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                Object[] focused = grid.focusedValue();
                if (focused != null) {
                    showValue(grid.columnsShown().get((int) focused[0]), focused[1]);
                }
            }
        });
        grid.getFocusModel().focusedCellProperty().addListener((o, a, b) -> {
            if (viewerShowing()) {
                Object[] focused = grid.focusedValue();
                if (focused != null) {
                    viewer.show(grid.columnsShown().get((int) focused[0]), focused[1]);
                }
            }
        });
    }

    public void show(ResultPageView page) {
        filterBar.setVisible(page != null);
        grid.show(page);
    }

    /** Opens the value viewer beside the grid with one value. */
    public void showValue(ColumnInfo column, Object value) {
        viewer.show(column, value);
        if (!viewerShowing()) {
            split.getItems().add(viewer);
            split.setDividerPositions(0.55); // wide enough for a 16-byte hex dump line
        }
    }

    public void hideValue() {
        split.getItems().remove(viewer);
    }

    public boolean viewerShowing() {
        return split.getItems().contains(viewer);
    }

    public ResultGrid grid() {
        return grid;
    }

    public ValueViewer viewer() {
        return viewer;
    }

    public TextField filter() {
        return filter;
    }
}
