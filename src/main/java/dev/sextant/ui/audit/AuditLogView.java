package dev.sextant.ui.audit;

import dev.sextant.audit.AuditEntry;
import dev.sextant.audit.AuditLog;
import dev.sextant.ui.Icons;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import dev.sextant.ui.window.MonoFont;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/**
 * The MCP audit log, read-only: every call an LLM client made through {@code sextant mcp}, newest first,
 * with what it asked and how it ended. Read in the background; Refresh reads again, since the MCP server
 * writes from another process.
 */
public final class AuditLogView extends BorderPane {

    /** The newest entries shown; older ones stay in the store. */
    public static final int LIMIT = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Supplier<AuditLog> log;
    private final TaskExecutor executor;
    private final TableView<AuditEntry> table = new TableView<>();
    private final Label status = new Label();
    private final TextArea detail = new TextArea();

    public AuditLogView(Supplier<AuditLog> log, TaskExecutor executor) {
        this.log = log;
        this.executor = executor;
        getStyleClass().add("audit-log");
        table.setId("audit-table");
        table.setPlaceholder(new Label("No MCP calls yet. Connections marked for MCP are listed to clients of "
                + "\"sextant mcp\"; each call they make appears here."));
        // The columns share the tab's width, so that the message is on screen: the short ones keep theirs,
        // the request and the message give way first (the pane below shows them whole).
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                column("Time", 165, 165, e -> TIME.format(e.calledAt())),
                outcomeColumn(),
                column("Call", 100, 130, AuditEntry::operation),
                column("Connection", 108, 130, AuditEntry::connection),
                withTooltips(column("Request", 100, 320, AuditEntry::request)),
                withTooltips(column("Message", 140, 400, AuditEntry::message)),
                column("Rows", 60, 60, e -> e.rowCount() == null ? "" : String.valueOf(e.rowCount())),
                column("Took", 70, 70, e -> e.duration().toMillis() + " ms"),
                column("Client", 80, 150, AuditEntry::client)));

        Label title = new Label("MCP audit log", Icons.of(Feather.SHIELD));
        title.getStyleClass().add("audit-title");
        status.setId("audit-status");
        status.getStyleClass().add("text-muted");
        Button refresh = new Button("Refresh", Icons.of(Feather.REFRESH_CW));
        refresh.setId("audit-refresh");
        refresh.setTooltip(new Tooltip("Read the log again: the MCP server writes to it from its own process"));
        refresh.setOnAction(e -> reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, status, spacer, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);

        // the selected call in full: its whole statement and message, which the table's cells cut to one line
        detail.setId("audit-detail");
        detail.getStyleClass().add("audit-detail");
        MonoFont.use(detail);
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPromptText("Select a call to see its whole request and message.");
        table.getSelectionModel().selectedItemProperty().addListener((o, old, entry) ->
                detail.setText(entry == null ? "" : describe(entry)));
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(detail, false);
        setCenter(split);
    }

    /** One call as the detail pane shows it: what, where, when and how it ended, then its request and message whole. */
    static String describe(AuditEntry e) {
        StringBuilder text = new StringBuilder(e.operation());
        if (e.connection() != null && !e.connection().isBlank()) {
            text.append(" on ").append(e.connection());
        }
        text.append(" · ").append(e.outcome().name().toLowerCase(Locale.ROOT)).append(" · ").append(TIME.format(e.calledAt()))
                .append(" · ").append(e.duration().toMillis()).append(" ms");
        if (e.rowCount() != null) {
            text.append(" · ").append(e.rowCount()).append(e.rowCount() == 1 ? " row" : " rows");
        }
        if (e.client() != null && !e.client().isBlank()) {
            text.append(" · ").append(e.client());
        }
        if (e.request() != null && !e.request().isBlank()) {
            text.append("\n\nRequest:\n").append(e.request().strip());
        }
        if (e.message() != null && !e.message().isBlank()) {
            text.append("\n\nMessage:\n").append(e.message().strip());
        }
        return text.toString();
    }

    /** Reads the newest entries in the background and shows them. */
    public void reload() {
        status.setText("Reading…");
        BackgroundTask.wrap(p -> log.get().recent(LIMIT))
                .onSuccess(entries -> {
                    table.getItems().setAll(entries);
                    long refused = entries.stream().filter(e -> e.outcome() != AuditEntry.Outcome.OK).count();
                    status.setText(entries.size() + (entries.size() == 1 ? " call" : " calls")
                            + (refused == 0 ? "" : ", " + refused + " refused or failed")
                            + (entries.size() == LIMIT ? " (the newest " + LIMIT + ")" : ""));
                })
                .onFailure(e -> status.setText("The audit log could not be read: " + e.getMessage()))
                .executeWith(executor);
    }

    public TableView<AuditEntry> table() {
        return table;
    }

    public TextArea detail() {
        return detail;
    }

    private static TableColumn<AuditEntry, String> column(String title, double min, double width,
            Function<AuditEntry, String> value) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(title);
        column.setMinWidth(min);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    /** One line in the cell, the whole text (a multi-line statement, a long message) in its tooltip. */
    private static TableColumn<AuditEntry, String> withTooltips(TableColumn<AuditEntry, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean blank = empty || text == null || text.isBlank();
                setText(blank ? null : oneLine(text));
                setTooltip(blank ? null : new Tooltip(text));
            }
        });
        return column;
    }

    /** The outcome as a word, coloured so that refusals and failures stand out. */
    private static TableColumn<AuditEntry, String> outcomeColumn() {
        TableColumn<AuditEntry, String> column = column("Outcome", 90, 90, e -> e.outcome().name().toLowerCase(Locale.ROOT));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String outcome, boolean empty) {
                super.updateItem(outcome, empty);
                getStyleClass().removeAll("outcome-ok", "outcome-refused", "outcome-failed");
                setText(empty ? null : outcome);
                if (!empty && outcome != null) {
                    getStyleClass().add("outcome-" + outcome);
                }
            }
        });
        return column;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
