package dev.sextant.ui.results;

import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.Nullability;
import dev.sextant.query.ResultPageView;
import dev.sextant.ui.Icons;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The rows of one result page. Each header shows the column's name and database type; NULL is drawn
 * as a dimmed italic {@code NULL} (style class {@code null-value}) so it never looks like the text 'NULL'.
 */
public final class ResultGrid extends TableView<Object[]> {

    public static final String NULL_STYLE = "null-value";
    private static final int MAX_COLUMN_CHARS = 48;
    private static final KeyCombination COPY = new KeyCodeCombination(
            KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final double CHAR_WIDTH = 7.6;
    private static final double HEADER_CHAR_WIDTH = 11;

    private List<ColumnInfo> shownColumns = List.of();

    public ResultGrid() {
        getStyleClass().addAll("result-grid", atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.BORDERED);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getSelectionModel().setCellSelectionEnabled(true);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(placeholder("Run a statement to see its rows here."));
        setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                ClipboardContent content = new ClipboardContent();
                content.putString(selectionAsText());
                Clipboard.getSystemClipboard().setContent(content);
                e.consume();
            }
        });
    }

    /**
     * The selected cells as tab-separated lines, row by row, with full values (Ctrl+C). The row-number
     * column is left out.
     */
    public String selectionAsText() {
        TreeMap<Integer, TreeMap<Integer, String>> byRow = new TreeMap<>();
        for (TablePosition<?, ?> pos : getSelectionModel().getSelectedCells()) {
            int column = getColumns().indexOf(pos.getTableColumn());
            if (column > 0 && pos.getRow() >= 0 && pos.getRow() < getItems().size()) {
                byRow.computeIfAbsent(pos.getRow(), r -> new TreeMap<>())
                        .put(column, ValueFormat.full(getItems().get(pos.getRow())[column - 1]));
            }
        }
        StringBuilder sb = new StringBuilder();
        byRow.values().forEach(cells -> sb.append(String.join("\t", cells.values())).append('\n'));
        return sb.toString();
    }

    /** Shows a page; the columns are rebuilt only when the result's columns change. */
    public void show(ResultPageView page) {
        if (page == null) {
            getItems().clear();
            getColumns().clear();
            shownColumns = List.of();
            setPlaceholder(placeholder("The statement returned no rows."));
            return;
        }
        if (!page.columns().equals(shownColumns)) {
            shownColumns = page.columns();
            getColumns().setAll(buildColumns(page));
        }
        rowNumberColumn().setUserData(page.firstRow());
        setItems(FXCollections.observableArrayList(page.rows()));
        setPlaceholder(placeholder("No rows."));
        scrollTo(0);
    }

    @SuppressWarnings("unchecked")
    private TableColumn<Object[], Object> rowNumberColumn() {
        return (TableColumn<Object[], Object>) getColumns().get(0);
    }

    private List<TableColumn<Object[], Object>> buildColumns(ResultPageView page) {
        TableColumn<Object[], Object> number = new TableColumn<>("#");
        number.getStyleClass().add("row-number");
        number.setSortable(false);
        number.setReorderable(false);
        number.setPrefWidth(64);
        number.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                long first = col.getUserData() instanceof Long l ? l : 0L;
                setText(empty || getIndex() < 0 ? null : String.format("%,d", first + getIndex() + 1));
            }
        });
        List<TableColumn<Object[], Object>> columns = new ArrayList<>();
        columns.add(number);
        for (int i = 0; i < page.columns().size(); i++) {
            columns.add(valueColumn(page.columns().get(i), i, widestValue(page, i)));
        }
        return columns;
    }

    /** Characters of the widest value in the first page, so columns open wide enough for their data. */
    private static int widestValue(ResultPageView page, int index) {
        int widest = 4;
        for (Object[] row : page.rows()) {
            widest = Math.max(widest, ValueFormat.format(row[index]).length());
            if (widest >= MAX_COLUMN_CHARS) {
                return MAX_COLUMN_CHARS;
            }
        }
        return widest;
    }

    private static TableColumn<Object[], Object> valueColumn(ColumnInfo info, int index, int valueChars) {
        TableColumn<Object[], Object> col = new TableColumn<>();
        Label name = new Label(info.name());
        name.getStyleClass().add("column-name");
        Label type = new Label(info.databaseType().toLowerCase(java.util.Locale.ROOT));
        type.getStyleClass().add("column-type");
        VBox header = new VBox(name, type);
        header.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(header, new Tooltip(info.name() + " : " + info.databaseType()
                + (info.nullability() == Nullability.NOT_NULL ? " NOT NULL" : "")));
        col.setGraphic(header);
        col.setId("col-" + info.name());
        col.setSortable(false);
        double valueWidth = Math.min(MAX_COLUMN_CHARS, valueChars) * CHAR_WIDTH;
        double headerWidth = Math.max(info.name().length() * HEADER_CHAR_WIDTH, Math.min(info.databaseType().length(), 14) * CHAR_WIDTH);
        col.setPrefWidth(Math.max(valueWidth, headerWidth) + 28);
        col.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()[index]));
        boolean numeric = info.kind().isNumeric();
        col.setCellFactory(c -> new ValueCell(numeric));
        return col;
    }

    private static Label placeholder(String text) {
        Label label = new Label(text, Icons.of(Feather.INFO));
        label.getStyleClass().add("grid-placeholder");
        return label;
    }

    /** A value cell: formatted text, NULL styled apart, numbers right-aligned. */
    static final class ValueCell extends TableCell<Object[], Object> {
        private final boolean numeric;

        ValueCell(boolean numeric) {
            this.numeric = numeric;
            if (numeric) {
                setAlignment(Pos.CENTER_RIGHT);
            }
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove(NULL_STYLE);
            if (empty) {
                setText(null);
                return;
            }
            if (item == null) {
                getStyleClass().add(NULL_STYLE);
            }
            setText(ValueFormat.format(item));
        }
    }
}
