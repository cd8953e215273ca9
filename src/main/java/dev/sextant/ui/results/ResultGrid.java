package dev.sextant.ui.results;

import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.Nullability;
import dev.sextant.query.ResultPageView;
import dev.sextant.query.export.CopyFormat;
import dev.sextant.ui.Icons;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
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
 * Sorting (header click) and the filter work on the rows of the page only, and {@link #noteProperty()}
 * says so; "re-run sorted" in a header's menu sorts the whole result on the database.
 */
public final class ResultGrid extends TableView<Object[]> {

    public static final String NULL_STYLE = "null-value";
    private static final int MAX_COLUMN_CHARS = 48;
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY_CSV = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final double CHAR_WIDTH = 7.6;
    private static final double HEADER_CHAR_WIDTH = 11;
    /** Set while the grid has no columns (before the first run): no header strip above the placeholder. */
    private static final PseudoClass NO_COLUMNS = PseudoClass.getPseudoClass("no-columns");

    private final ObservableList<Object[]> pageRows = FXCollections.observableArrayList();
    private final FilteredList<Object[]> filtered = new FilteredList<>(pageRows);
    private final SortedList<Object[]> sorted = new SortedList<>(filtered);
    private final StringProperty note = new SimpleStringProperty("");
    private List<ColumnInfo> shownColumns = List.of();
    private ResultPageView page;
    private String filterText = "";
    private BiConsumer<Integer, Boolean> onRerunSorted = (column, descending) -> { };
    private Consumer<Integer> onShowValue = column -> { };

    public ResultGrid() {
        getStyleClass().addAll("result-grid", atlantafx.base.theme.Styles.DENSE, atlantafx.base.theme.Styles.BORDERED);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getSelectionModel().setCellSelectionEnabled(true);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(placeholder("Run a statement to see its rows here."));
        pseudoClassStateChanged(NO_COLUMNS, true);
        getColumns().addListener((javafx.beans.InvalidationListener) c -> pseudoClassStateChanged(NO_COLUMNS, getColumns().isEmpty()));
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<Object[], ?>>) c -> updateNote());
        setOnKeyPressed(e -> {
            if (COPY_CSV.match(e)) {
                copyAs(CopyFormat.CSV);
                e.consume();
            } else if (COPY.match(e)) {
                copySelection();
                e.consume();
            } else if (e.getCode() == KeyCode.F3 || e.getCode() == KeyCode.SPACE) {
                showFocusedValue();
                e.consume();
            }
        });
        setContextMenu(cellMenu());
    }

    /** Called with a one-based column number and "descending" when the user asks to re-run sorted. */
    public void setOnRerunSorted(BiConsumer<Integer, Boolean> callback) {
        this.onRerunSorted = callback;
    }

    /** Called with the zero-based value column whose focused cell the user wants to see whole. */
    public void setOnShowValue(Consumer<Integer> callback) {
        this.onShowValue = callback;
    }

    private ContextMenu cellMenu() {
        MenuItem copy = new MenuItem("Copy", Icons.of(Feather.COPY));
        copy.setId("copy-cells");
        copy.setOnAction(e -> copySelection());
        Menu copyAs = new Menu("Copy as");
        for (CopyFormat f : CopyFormat.values()) {
            MenuItem item = new MenuItem(f.label());
            item.setId("copy-as-" + f.name().toLowerCase(Locale.ROOT));
            item.setOnAction(e -> copyAs(f));
            copyAs.getItems().add(item);
        }
        MenuItem rows = new MenuItem("Select whole rows");
        rows.setOnAction(e -> selectWholeRows());
        MenuItem value = new MenuItem("Show value", Icons.of(Feather.MAXIMIZE_2));
        value.setOnAction(e -> showFocusedValue());
        return new ContextMenu(copy, copyAs, new SeparatorMenuItem(), rows, value);
    }

    private void showFocusedValue() {
        TablePosition<?, ?> pos = getFocusModel().getFocusedCell();
        int column = pos == null ? -1 : getColumns().indexOf(pos.getTableColumn());
        if (column > 0) {
            onShowValue.accept(column - 1);
        }
    }

    /** The value column (zero-based) of the focused cell, and its value, or null when none is focused. */
    public Object[] focusedValue() {
        TablePosition<?, ?> pos = getFocusModel().getFocusedCell();
        int column = pos == null ? -1 : getColumns().indexOf(pos.getTableColumn());
        if (column <= 0 || pos.getRow() < 0 || pos.getRow() >= getItems().size()) {
            return null;
        }
        return new Object[] {column - 1, getItems().get(pos.getRow())[column - 1]};
    }

    public List<ColumnInfo> columnsShown() {
        return shownColumns;
    }

    /** Selects every cell of the rows that have a selected cell. */
    public void selectWholeRows() {
        TreeSet<Integer> rows = new TreeSet<>();
        getSelectionModel().getSelectedCells().forEach(p -> rows.add(p.getRow()));
        for (int r : rows) {
            for (int c = 1; c < getColumns().size(); c++) {
                getSelectionModel().select(r, getColumns().get(c));
            }
        }
    }

    /** Selects every cell of one value column (zero-based). */
    public void selectColumn(int column) {
        getSelectionModel().clearSelection();
        TableColumn<Object[], ?> col = getColumns().get(column + 1);
        for (int r = 0; r < getItems().size(); r++) {
            getSelectionModel().select(r, col);
        }
    }

    /** Puts the selected cells on the clipboard as {@link #selectionAsText()} has them (Ctrl+C, and the menu's Copy). */
    public void copySelection() {
        ClipboardContent content = new ClipboardContent();
        content.putString(selectionAsText());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * The selected cells as tab-separated lines, row by row, without a header: each value whole and written
     * as "Copy as TSV" writes it ({@link CopyFormat#tsvValue}). The row-number column is left out.
     */
    public String selectionAsText() {
        TreeMap<Integer, TreeMap<Integer, String>> byRow = new TreeMap<>();
        for (TablePosition<?, ?> pos : getSelectionModel().getSelectedCells()) {
            int column = getColumns().indexOf(pos.getTableColumn());
            if (column > 0 && pos.getRow() >= 0 && pos.getRow() < getItems().size()) {
                byRow.computeIfAbsent(pos.getRow(), r -> new TreeMap<>())
                        .put(column, CopyFormat.tsvValue(getItems().get(pos.getRow())[column - 1]));
            }
        }
        StringBuilder sb = new StringBuilder();
        byRow.values().forEach(cells -> sb.append(String.join("\t", cells.values())).append('\n'));
        return sb.toString();
    }

    /**
     * The selected cells in a format, with a header line: the rows that have a selected cell and the
     * columns that have one, in the order shown. Also puts the text on the clipboard.
     */
    public String copyAs(CopyFormat format) {
        TreeSet<Integer> rows = new TreeSet<>();
        TreeSet<Integer> columns = new TreeSet<>();
        for (TablePosition<?, ?> pos : getSelectionModel().getSelectedCells()) {
            int column = getColumns().indexOf(pos.getTableColumn());
            if (column > 0 && pos.getRow() >= 0 && pos.getRow() < getItems().size()) {
                rows.add(pos.getRow());
                columns.add(column - 1);
            }
        }
        List<String> names = columns.stream().map(c -> shownColumns.get(c).name()).toList();
        List<Object[]> values = new ArrayList<>();
        for (int r : rows) {
            Object[] row = getItems().get(r);
            values.add(columns.stream().map(c -> row[c]).toArray());
        }
        String text = format.format(names, values);
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        return text;
    }

    /** Shows a page; the columns are rebuilt only when the result's columns change. */
    public void show(ResultPageView page) {
        this.page = page;
        if (page == null) {
            pageRows.clear();
            getColumns().clear();
            shownColumns = List.of();
            setPlaceholder(placeholder("The statement returned no rows."));
            updateNote();
            return;
        }
        if (!page.columns().equals(shownColumns)) {
            shownColumns = page.columns();
            getSortOrder().clear();
            getColumns().setAll(buildColumns(page));
        }
        rowNumberColumn().setUserData(page.firstRow());
        pageRows.setAll(page.rows());
        setPlaceholder(placeholder(filterText.isEmpty() ? "No rows." : "No rows on this page match the filter."));
        scrollTo(0);
        updateNote();
    }

    /** Shows only the page's rows with a value containing {@code text} (ignoring case); blank shows all. */
    public void setFilter(String text) {
        filterText = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (filterText.isEmpty()) {
            filtered.setPredicate(null);
        } else {
            filtered.setPredicate(row -> {
                for (Object v : row) {
                    if (ValueFormat.full(v).toLowerCase(Locale.ROOT).contains(filterText)
                            || v == null && "null".contains(filterText)) {
                        return true;
                    }
                }
                return false;
            });
        }
        updateNote();
    }

    /** Says when sorting or filtering is on, and that it covers the fetched rows of this page only. */
    public ReadOnlyStringProperty noteProperty() {
        return note;
    }

    private void updateNote() {
        boolean sortedNow = !getSortOrder().isEmpty();
        boolean filteredNow = !filterText.isEmpty();
        if (page == null || !sortedNow && !filteredNow) {
            note.set("");
            return;
        }
        String what = sortedNow && filteredNow ? "Sorted and filtered" : sortedNow ? "Sorted" : "Filtered";
        note.set(what + " within the " + String.format("%,d", page.rows().size()) + " fetched rows of this page"
                + (filteredNow ? " (" + String.format("%,d", filtered.size()) + " match)" : "")
                + ", not the whole result. Use a column's menu to re-run sorted on the database.");
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
            {
                setOnMouseClicked(e -> {
                    if (!isEmpty()) {
                        getSelectionModel().clearSelection();
                        for (int c = 1; c < getColumns().size(); c++) {
                            getSelectionModel().select(getIndex(), getColumns().get(c));
                        }
                    }
                });
            }

            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                long first = col.getUserData() instanceof Long l ? l : 0L;
                Object[] row = empty || getIndex() < 0 || getIndex() >= getItems().size() ? null : getItems().get(getIndex());
                int original = row == null ? -1 : pageRows.indexOf(row);
                setText(row == null ? null : String.format("%,d", first + original + 1));
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

    private TableColumn<Object[], Object> valueColumn(ColumnInfo info, int index, int valueChars) {
        TableColumn<Object[], Object> col = new TableColumn<>();
        Label name = new Label(info.name());
        name.getStyleClass().add("column-name");
        Label type = new Label(info.databaseType().toLowerCase(Locale.ROOT));
        type.getStyleClass().add("column-type");
        VBox header = new VBox(name, type);
        header.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(header, new Tooltip(info.name() + " : " + info.databaseType()
                + (info.nullability() == Nullability.NOT_NULL ? " NOT NULL" : "")
                + "\nClick to sort the rows of this page; right-click for more."));
        col.setGraphic(header);
        col.setId("col-" + info.name());
        col.setSortable(true);
        col.setComparator(VALUES);
        double valueWidth = Math.min(MAX_COLUMN_CHARS, valueChars) * CHAR_WIDTH;
        double headerWidth = Math.max(info.name().length() * HEADER_CHAR_WIDTH, Math.min(info.databaseType().length(), 14) * CHAR_WIDTH);
        col.setPrefWidth(Math.max(valueWidth, headerWidth) + 28);
        col.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()[index]));
        boolean numeric = info.kind().isNumeric();
        col.setCellFactory(c -> new ValueCell(numeric));
        col.setContextMenu(headerMenu(col, index));
        return col;
    }

    private ContextMenu headerMenu(TableColumn<Object[], Object> col, int index) {
        MenuItem ascending = new MenuItem("Sort this page ascending", Icons.of(Feather.ARROW_UP));
        ascending.setOnAction(e -> sortPage(col, TableColumn.SortType.ASCENDING));
        MenuItem descending = new MenuItem("Sort this page descending", Icons.of(Feather.ARROW_DOWN));
        descending.setOnAction(e -> sortPage(col, TableColumn.SortType.DESCENDING));
        MenuItem unsort = new MenuItem("Original order");
        unsort.setOnAction(e -> getSortOrder().clear());
        MenuItem rerunUp = new MenuItem("Re-run sorted ascending (whole result, on the database)", Icons.of(Feather.REFRESH_CW));
        rerunUp.setId("rerun-asc-" + index);
        rerunUp.setOnAction(e -> onRerunSorted.accept(index + 1, false));
        MenuItem rerunDown = new MenuItem("Re-run sorted descending (whole result, on the database)", Icons.of(Feather.REFRESH_CW));
        rerunDown.setOnAction(e -> onRerunSorted.accept(index + 1, true));
        MenuItem select = new MenuItem("Select column");
        select.setOnAction(e -> selectColumn(index));
        return new ContextMenu(ascending, descending, unsort, new SeparatorMenuItem(), rerunUp, rerunDown,
                new SeparatorMenuItem(), select);
    }

    private void sortPage(TableColumn<Object[], Object> col, TableColumn.SortType type) {
        col.setSortType(type);
        getSortOrder().setAll(List.of(col));
    }

    /** NULL last; values of one comparable type in their natural order; anything else by its text. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Comparator<Object> VALUES = (a, b) -> {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        if (a instanceof Number na && b instanceof Number nb) {
            try {
                return new java.math.BigDecimal(na.toString()).compareTo(new java.math.BigDecimal(nb.toString()));
            } catch (NumberFormatException e) {
                return Double.compare(na.doubleValue(), nb.doubleValue()); // NaN and infinities
            }
        }
        return ValueFormat.full(a).compareTo(ValueFormat.full(b));
    };

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
