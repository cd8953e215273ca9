package dev.sextant.ui.editor;

import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.ResultPageView;
import dev.sextant.ui.ErrorDetails;
import dev.sextant.ui.Icons;
import dev.sextant.ui.results.ResultGrid;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.kordamp.ikonli.feather.Feather;

/**
 * An editor tab bound to one connection: SQL on top, the paged result grid below. Ctrl+Enter runs the
 * selection (or the whole text), Esc cancels, Alt+Right/Alt+Left page through the rows.
 */
public final class QueryTab extends Tab {

    static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination NEXT_PAGE = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);
    static final KeyCombination PREVIOUS_PAGE = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);

    private final QueryTabModel model;
    private final CodeArea editor = new CodeArea();
    private final ResultGrid grid = new ResultGrid();
    private final VBox errorPane = new VBox(6);
    private final Label status = new Label();
    private final Timeline ticker;

    public QueryTab(String title, ExternalDatabaseConfig connection, QueryTabModel model, String initialSql) {
        super(title);
        this.model = model;
        setGraphic(Icons.of(Feather.FILE_TEXT));
        if (connection.kind() == ConnectionKind.PRODUCTION) {
            getStyleClass().add("production");
            setTooltip(new Tooltip("Production connection: " + connection.name()));
        } else {
            setTooltip(new Tooltip(connection.name()));
        }

        editor.setId("sql-editor");
        editor.getStyleClass().add("sql-editor");
        editor.setParagraphGraphicFactory(LineNumberFactory.get(editor));
        editor.replaceText(initialSql == null ? "" : initialSql);
        editor.plainTextChanges().subscribe(change -> clearErrorMark());
        editor.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (RUN.match(e)) {
                runFromEditor();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && model.runningProperty().get()) {
                model.cancel();
                e.consume();
            }
        });

        BorderPane editorPane = new BorderPane(new VirtualizedScrollPane<>(editor));
        editorPane.setTop(toolbar(connection));

        StackPane resultArea = new StackPane(grid, errorPane);
        errorPane.getStyleClass().add("error-pane");
        errorPane.setVisible(false);
        errorPane.setPadding(new Insets(12));
        BorderPane resultPane = new BorderPane(resultArea);
        resultPane.setBottom(pager());
        resultPane.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (NEXT_PAGE.match(e)) {
                model.nextPage();
                e.consume();
            } else if (PREVIOUS_PAGE.match(e)) {
                model.previousPage();
                e.consume();
            }
        });

        SplitPane split = new SplitPane(editorPane, resultPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.38);
        setContent(split);

        ticker = new Timeline(new KeyFrame(Duration.millis(100), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        model.runningProperty().addListener((obs, was, now) -> {
            if (now) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });
        model.pageProperty().addListener((obs, old, page) -> showPage(page));
        model.failureProperty().addListener((obs, old, failure) -> showFailure(failure));
        setOnClosed(e -> {
            ticker.stop();
            model.close();
        });
    }

    private ToolBar toolbar(ExternalDatabaseConfig connection) {
        Button run = new Button("Run", Icons.of(Feather.PLAY));
        run.getGraphic().getStyleClass().add("run-icon");
        run.setId("run-button");
        run.setTooltip(new Tooltip("Run the selection, or the whole text (Ctrl+Enter)"));
        run.setOnAction(e -> runFromEditor());
        run.disableProperty().bind(model.runningProperty());

        Button cancel = new Button("Cancel", Icons.of(Feather.SQUARE));
        cancel.setId("cancel-button");
        cancel.setTooltip(new Tooltip("Stop the running statement on the database (Esc)"));
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.runningProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label target = new Label(connection.name(), Icons.of(Feather.DATABASE));
        target.getStyleClass().add("tab-connection");
        if (connection.kind() == ConnectionKind.PRODUCTION) {
            target.setText(connection.name() + " · PRODUCTION");
            target.getStyleClass().add("production-badge");
        }
        return new ToolBar(run, cancel, busy, spacer, target);
    }

    private HBox pager() {
        Button previous = new Button(null, Icons.of(Feather.CHEVRON_LEFT));
        previous.setId("previous-page");
        previous.setTooltip(new Tooltip("Previous page (Alt+Left)"));
        previous.setOnAction(e -> model.previousPage());
        Button next = new Button(null, Icons.of(Feather.CHEVRON_RIGHT));
        next.setId("next-page");
        next.setTooltip(new Tooltip("Next page (Alt+Right)"));
        next.setOnAction(e -> model.nextPage());
        previous.setDisable(true);
        next.setDisable(true);
        Runnable refresh = () -> {
            ResultPageView p = model.pageProperty().get();
            boolean busy = model.runningProperty().get();
            previous.setDisable(busy || p == null || !p.hasPreviousPage());
            next.setDisable(busy || p == null || !p.hasNextPage());
        };
        model.pageProperty().addListener((o, a, b) -> refresh.run());
        model.runningProperty().addListener((o, a, b) -> refresh.run());

        ComboBox<Integer> size = new ComboBox<>();
        size.setId("page-size");
        size.getItems().setAll(QueryTabModel.PAGE_SIZES);
        size.setValue(model.pageSizeProperty().get());
        size.setTooltip(new Tooltip("Rows per page"));
        size.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.changePageSize(b);
            }
        });
        Label perPage = new Label("rows per page");
        perPage.getStyleClass().add("text-muted");

        status.setId("query-status");
        status.textProperty().bind(model.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, previous, next, size, perPage, spacer, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("pager");
        return bar;
    }

    /** Runs the selection if there is one, else the whole editor text. */
    void runFromEditor() {
        String selected = editor.getSelectedText();
        if (selected != null && !selected.isBlank()) {
            model.run(selected, editor.getSelection().getStart());
        } else {
            model.run(editor.getText(), 0);
        }
    }

    private void showPage(ResultPageView page) {
        errorPane.setVisible(false);
        grid.setVisible(true);
        grid.show(page);
    }

    private void showFailure(QueryTabModel.Failure failure) {
        if (failure == null) {
            errorPane.setVisible(false);
            grid.setVisible(true);
            return;
        }
        Label title = new Label(failure.title(), Icons.of(Feather.ALERT_TRIANGLE));
        title.getStyleClass().addAll("error-title", "danger");
        Label message = new Label(failure.message());
        message.setId("error-message");
        message.setWrapText(true);
        message.getStyleClass().add("error-message");
        errorPane.getChildren().setAll(title, message);
        if (failure.cause() != null) {
            TextArea details = new TextArea(ErrorDetails.of(failure.cause()));
            details.setEditable(false);
            details.setPrefRowCount(10);
            TitledPane more = new TitledPane("Details", details);
            more.setExpanded(false);
            errorPane.getChildren().add(more);
        }
        grid.setVisible(false);
        errorPane.setVisible(true);
        if (failure.editorPosition() != null) {
            markError(failure.editorPosition());
        }
    }

    /** Underlines the word at the reported position and puts the caret there. */
    private void markError(int position) {
        int length = editor.getLength();
        if (length == 0) {
            return;
        }
        int from = Math.max(0, Math.min(position, length - 1));
        String text = editor.getText();
        int to = from;
        while (to < length && !Character.isWhitespace(text.charAt(to)) && text.charAt(to) != ',' && text.charAt(to) != ';') {
            to++;
        }
        if (to == from) {
            to = Math.min(length, from + 1);
        }
        editor.setStyleClass(from, to, "error-mark");
        editor.moveTo(from);
        editor.requestFollowCaret();
    }

    private void clearErrorMark() {
        if (editor.getLength() > 0) {
            editor.clearStyle(0, editor.getLength());
        }
    }

    public QueryTabModel model() {
        return model;
    }

    public CodeArea editor() {
        return editor;
    }

    public ResultGrid grid() {
        return grid;
    }

    /** Puts the caret in the editor. */
    public void focusEditor() {
        editor.requestFocus();
    }
}
