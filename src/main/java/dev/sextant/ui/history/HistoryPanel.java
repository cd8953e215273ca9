package dev.sextant.ui.history;

import dev.sextant.query.HistoryEntry;
import dev.sextant.query.WorkbenchStore;
import dev.sextant.ui.Icons;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import dev.sextant.ui.window.MonoFont;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * Every statement run, newest first, searched as the user types (SQL, connection name, error). Enter or a
 * double-click opens the entry's SQL in a new tab on its connection.
 */
public final class HistoryPanel extends VBox {

    public static final int SHOWN = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Supplier<WorkbenchStore> store;
    private final TaskExecutor executor;
    private final TextField search = new TextField();
    private final ListView<HistoryEntry> list = new ListView<>();
    private final Label count = new Label();
    private final PauseTransition typing = new PauseTransition(Duration.millis(200));
    private int sequence;

    /** @param onOpen opens an entry's SQL in a tab */
    public HistoryPanel(Supplier<WorkbenchStore> store, TaskExecutor executor, Consumer<HistoryEntry> onOpen) {
        super(4);
        this.store = store;
        this.executor = executor;
        setId("history-panel");
        getStyleClass().add("history-panel");
        MonoFont.use(this);
        Label title = new Label("HISTORY", Icons.of(Feather.CLOCK));
        title.getStyleClass().add("section-title");
        search.setId("history-search");
        search.setPromptText("Search SQL, connection or error");
        typing.setOnFinished(e -> refresh());
        search.textProperty().addListener((o, a, b) -> typing.playFromStart());
        count.getStyleClass().add("text-muted");
        count.setId("history-count");
        list.setId("history-list");
        list.setPlaceholder(new Label("No statements run yet"));
        list.setCellFactory(l -> new EntryCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                onOpen.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                onOpen.accept(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        setPadding(new Insets(0, 0, 4, 0));
        VBox searchBox = new VBox(4, search, count);
        searchBox.setPadding(new Insets(0, 8, 0, 8));
        getChildren().addAll(title, searchBox, list);
        setMinWidth(260);
    }

    /** Reads the history again for the search text, in the background; only the newest answer is shown. */
    public void refresh() {
        WorkbenchStore st = store.get();
        if (st == null) {
            return;
        }
        String text = search.getText();
        int s = ++sequence;
        BackgroundTask.wrap(p -> st.history().search(text, SHOWN))
                .onSuccess(entries -> {
                    if (s == sequence) {
                        show(entries, text);
                    }
                })
                .onFailure(e -> count.setText("The history could not be read: " + e.getMessage()))
                .executeWith(executor);
    }

    private void show(List<HistoryEntry> entries, String text) {
        list.getItems().setAll(entries);
        count.setText(entries.isEmpty() ? (text.isBlank() ? "" : "No match")
                : entries.size() == SHOWN ? "Newest " + SHOWN + " shown" : entries.size() + (entries.size() == 1 ? " run" : " runs"));
    }

    public TextField searchField() {
        return search;
    }

    public ListView<HistoryEntry> list() {
        return list;
    }

    /** Two lines: the SQL's start, then when, where, how it ended, how long and how many rows. */
    private static final class EntryCell extends ListCell<HistoryEntry> {
        /**
         * Whole pixels: with a fractional height the row lines fall between pixels and most of them are
         * drawn faint.
         */
        @Override
        protected double computePrefHeight(double width) {
            return Math.ceil(super.computePrefHeight(width));
        }

        @Override
        protected void updateItem(HistoryEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            Label sql = new Label(e.sql().strip().replaceAll("\\s+", " "));
            sql.getStyleClass().add("history-sql");
            Label outcome = new Label(null, Icons.of(switch (e.outcome()) {
                case SUCCEEDED -> Feather.CHECK_CIRCLE;
                case FAILED -> Feather.X_CIRCLE;
                case CANCELLED -> Feather.SLASH;
            }));
            outcome.getStyleClass().add("outcome-" + e.outcome().name().toLowerCase(Locale.ROOT));
            String rows = e.rowCount() >= 0 ? String.format(" · %,d rows", e.rowCount())
                    : e.updateCount() >= 0 ? String.format(" · %,d changed", e.updateCount()) : "";
            Label detail = new Label(WHEN.format(e.startedAt().atZone(ZoneId.systemDefault())) + " · " + e.durationMillis()
                    + " ms" + rows + " · " + e.connectionName());
            detail.getStyleClass().add("node-detail");
            HBox second = new HBox(4, outcome, detail);
            second.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(1, sql, second);
            sql.setMinWidth(0);
            detail.setMinWidth(0);
            box.setMinWidth(0);
            setPrefWidth(0); // the cell follows the list's width and cuts long text with an ellipsis
            setText(null);
            setGraphic(box);
            StringBuilder tip = new StringBuilder(e.sql().length() > 2000 ? e.sql().substring(0, 2000) + "…" : e.sql());
            if (!e.parameters().isEmpty()) {
                tip.append("\n\nParameters: ").append(e.parameters());
            }
            if (e.error() != null) {
                tip.append("\n\n").append(e.outcome() == HistoryEntry.Outcome.CANCELLED ? "" : "Error: ").append(e.error());
            }
            setTooltip(new Tooltip(tip.toString()));
        }
    }
}
