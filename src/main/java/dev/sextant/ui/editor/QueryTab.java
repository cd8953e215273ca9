package dev.sextant.ui.editor;

import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.ResultPageView;
import dev.sextant.query.SavedTab;
import dev.sextant.query.export.ExportFormat;
import dev.sextant.sql.SqlCompleter;
import dev.sextant.ui.ErrorDetails;
import dev.sextant.ui.Icons;
import dev.sextant.ui.results.ResultGrid;
import dev.sextant.ui.results.ResultView;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import dev.sextant.ui.window.KeyText;
import dev.sextant.ui.window.MonoFont;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.kordamp.ikonli.feather.Feather;

/**
 * An editor tab bound to one connection: SQL on top, one result tab per result set below. Ctrl+Enter
 * runs the statement at the caret (or the selection), Ctrl+Shift+Enter the whole script, Esc cancels,
 * Alt+Right/Alt+Left page through the rows, Ctrl+F finds, Ctrl+H replaces, Ctrl+S saves, Ctrl+O opens.
 */
public final class QueryTab extends Tab {

    static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination RUN_SCRIPT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination NEXT_PAGE = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);
    static final KeyCombination PREVIOUS_PAGE = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REPLACE = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);

    private final QueryTabModel model;
    private final TaskExecutor executor;
    private final ExternalDatabaseConfig connection;
    private final SqlEditor editor;
    private final FindBar findBar;
    private final ParameterForm parameterForm;
    private final HBox confirmBar = new HBox(8);
    private final TabPane resultTabs = new TabPane();
    /** Which view shows which result of the last run. */
    private final Map<ResultModel, ResultView> views = new HashMap<>();
    private final java.util.List<ResultView> pool = new java.util.ArrayList<>();
    private final java.util.List<Tab> tabPool = new java.util.ArrayList<>();
    private final ListView<String> messages = new ListView<>();
    private final Tab messagesTab = new Tab("Messages");
    private final ResultView emptyView = new ResultView();
    private final VBox errorPane = new VBox(6);
    private final Label status = new Label();
    private final Label runInfo = new Label();
    private final Label estimate = new Label();
    private final Timeline ticker;
    private final String baseTitle;
    private BiConsumer<String, Path> openInNewTab = (text, file) -> { };
    private Path file;
    private String savedText;

    /**
     * @param executor  runs highlighting, autocomplete and file work in the background
     * @param completer the connection's autocomplete (may supply null while there is none)
     */
    public QueryTab(String title, ExternalDatabaseConfig connection, QueryTabModel model, String initialSql,
                    TaskExecutor executor, Supplier<SqlCompleter> completer) {
        super(title);
        this.baseTitle = title;
        this.model = model;
        this.executor = executor;
        this.connection = connection;
        this.editor = new SqlEditor(model.syntax(), executor, completer);
        this.findBar = new FindBar(editor);
        this.parameterForm = new ParameterForm(model::cancelParameters);
        setGraphic(Icons.of(Feather.FILE_TEXT));
        if (connection.kind() == ConnectionKind.PRODUCTION) {
            getStyleClass().add("production");
            setTooltip(new Tooltip("Production connection: " + connection.name()));
        } else {
            setTooltip(new Tooltip(connection.name()));
        }

        editor.replaceText(initialSql == null ? "" : initialSql);
        savedText = editor.getText();
        editor.highlight();
        editor.textProperty().addListener((o, a, b) -> updateTitle());
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::editorKeys);
        if (model.syntax() == dev.sextant.sql.Syntax.BIGQUERY) {
            editor.multiPlainChanges().successionEnds(java.time.Duration.ofMillis(600))
                    .subscribe(c -> model.requestEstimate(editor.getText(), editor.getCaretPosition()));
            model.requestEstimate(editor.getText(), editor.getCaretPosition());
        }

        BorderPane editorPane = new BorderPane(new VirtualizedScrollPane<>(editor));
        editorPane.setTop(new VBox(toolbar(connection), confirmBar(), parameterForm, findBar));
        editorPane.setBottom(estimateLine());

        resultTabs.setId("result-tabs");
        resultTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        resultTabs.getStyleClass().add("result-tabs");
        messages.setId("messages");
        messages.getStyleClass().add("messages");
        messages.setItems(model.messages());
        messagesTab.setContent(messages);
        messagesTab.setGraphic(Icons.of(Feather.LIST));
        pool.add(emptyView);
        tabPool.add(resultTab(null, emptyView, "Result"));
        resultTabs.getTabs().add(tabPool.get(0));
        model.results().addListener((javafx.collections.ListChangeListener<ResultModel>) c -> rebuildResultTabs());
        model.messages().addListener((javafx.collections.ListChangeListener<String>) c -> rebuildResultTabs());
        model.selectedResultProperty().addListener((o, a, r) -> {
            for (Tab t : resultTabs.getTabs()) {
                if (t.getUserData() == r && r != null) {
                    resultTabs.getSelectionModel().select(t);
                }
            }
        });
        resultTabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null && t.getUserData() instanceof ResultModel r && model.selectedResultProperty().get() != r) {
                model.selectedResultProperty().set(r);
            }
        });

        StackPane resultArea = new StackPane(resultTabs, errorPane);
        errorPane.getStyleClass().add("error-pane");
        errorPane.setVisible(false);
        errorPane.setPadding(new Insets(12));
        runInfo.setId("run-info");
        runInfo.getStyleClass().add("run-info");
        runInfo.textProperty().bind(model.runInfoProperty());
        runInfo.managedProperty().bind(runInfo.textProperty().isNotEmpty());
        runInfo.visibleProperty().bind(runInfo.textProperty().isNotEmpty());
        runInfo.setPadding(new Insets(2, 8, 2, 8));
        BorderPane resultPane = new BorderPane(resultArea);
        resultPane.setBottom(new VBox(runInfo, pager()));
        resultPane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl) {
                // the filter box and the value viewer keep their keys: Option+arrow moves by word on macOS
                return;
            }
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
        MonoFont.use(split);

        ticker = new Timeline(new KeyFrame(Duration.millis(100), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        model.runningProperty().addListener((obs, was, now) -> {
            if (now) {
                ticker.play();
            } else {
                ticker.stop();
                if (model.results().isEmpty()) {
                    emptyView.show(null); // the run ended without rows: no grid of an earlier run stays
                }
            }
        });
        model.pageProperty().addListener((obs, old, page) -> showPage(page));
        model.failureProperty().addListener((obs, old, failure) -> showFailure(failure));
        model.parameterRequestProperty().addListener((o, a, r) -> {
            parameterForm.show(r);
            if (r == null) {
                editor.requestFocus();
            }
        });
        model.confirmationProperty().addListener((o, a, c) -> {
            if (c == null) {
                editor.requestFocus();
            }
        });
        setOnCloseRequest(e -> {
            if (!confirmClose()) {
                e.consume();
            }
        });
        setOnClosed(e -> {
            ticker.stop();
            editor.hideCompletions();
            model.close();
        });
    }

    private void editorKeys(KeyEvent e) {
        if (e.isConsumed() || editor.completionsShowing()) {
            return; // the autocomplete list took the key
        }
        if (RUN_SCRIPT.match(e)) {
            runScript();
        } else if (RUN.match(e)) {
            runFromEditor();
        } else if (e.getCode() == KeyCode.ESCAPE && model.runningProperty().get()) {
            model.cancel();
        } else if (FIND.match(e)) {
            findBar.show(false);
        } else if (REPLACE.match(e)) {
            findBar.show(true);
        } else if (SAVE.match(e)) {
            save(false);
        } else if (OPEN.match(e)) {
            chooseFileToOpen();
        } else {
            return;
        }
        e.consume();
    }

    /**
     * The buttons in a tool bar, then the connection's badge, which never goes into the tool bar's overflow
     * menu: the buttons overflow only when they no longer fit beside it.
     */
    private HBox toolbar(ExternalDatabaseConfig connection) {
        Button run = new Button("Run", Icons.of(Feather.PLAY));
        run.getGraphic().getStyleClass().add("run-icon");
        run.setId("run-button");
        run.setTooltip(new Tooltip("Run the statement at the caret, or the selection (" + KeyText.of(RUN) + ")"));
        run.setOnAction(e -> runFromEditor());
        run.disableProperty().bind(model.runningProperty());

        Button script = new Button("Run script", Icons.of(Feather.FAST_FORWARD));
        script.setId("run-script-button");
        script.setTooltip(new Tooltip("Run every statement, each with its own result (" + KeyText.of(RUN_SCRIPT) + ")"));
        script.setOnAction(e -> runScript());
        script.disableProperty().bind(model.runningProperty());

        Button cancel = new Button("Cancel", Icons.of(Feather.SQUARE));
        cancel.setId("cancel-button");
        cancel.setTooltip(new Tooltip("Stop the running statement on the database (Esc)"));
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.runningProperty());

        Button format = iconButton(Feather.ALIGN_LEFT, "format-button", "Format the SQL (" + KeyText.of(SqlEditor.FORMAT) + ")", editor::format);
        Button comment = iconButton(Feather.HASH, "comment-button", "Comment or uncomment lines (" + KeyText.of(SqlEditor.COMMENT) + ")", editor::toggleComments);
        Button find = iconButton(Feather.SEARCH, "find-button", "Find and replace (" + KeyText.of(FIND, REPLACE) + ")", () -> findBar.show(false));
        Button open = iconButton(Feather.FOLDER, "open-button", "Open a .sql file (" + KeyText.of(OPEN) + ")", this::chooseFileToOpen);
        Button save = iconButton(Feather.SAVE, "save-button", "Save to a .sql file (" + KeyText.of(SAVE) + ")", () -> save(false));

        Label target = new Label(connection.name(), Icons.of(Feather.DATABASE));
        target.setMinWidth(Region.USE_PREF_SIZE);
        target.getStyleClass().add("tab-connection");
        if (connection.kind() == ConnectionKind.PRODUCTION) {
            target.setText(connection.name() + " · PRODUCTION");
            target.getStyleClass().add("production-badge");
        }
        ToolBar buttons = new ToolBar(run, script, cancel, busy, new Separator(Orientation.VERTICAL), format, comment,
                find, new Separator(Orientation.VERTICAL), open, save);
        HBox.setHgrow(buttons, Priority.ALWAYS);
        HBox bar = new HBox(buttons, target);
        bar.getStyleClass().add("editor-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** The BigQuery estimate for the statement at the caret: a line under the editor, shown when there is one. */
    private Label estimateLine() {
        estimate.setId("estimate");
        estimate.getStyleClass().add("estimate");
        estimate.textProperty().bind(model.estimateProperty());
        estimate.managedProperty().bind(estimate.textProperty().isNotEmpty());
        estimate.visibleProperty().bind(estimate.managedProperty());
        estimate.setMinWidth(0);
        estimate.setMaxWidth(Double.MAX_VALUE);
        Tooltip estimateTip = new Tooltip();
        estimateTip.textProperty().bind(estimate.textProperty());
        estimate.setTooltip(estimateTip);
        model.estimateOverCapProperty().addListener((o, a, over) -> {
            if (over) {
                estimate.getStyleClass().add("over-cap");
            } else {
                estimate.getStyleClass().remove("over-cap");
            }
        });
        if (model.syntax() == dev.sextant.sql.Syntax.BIGQUERY) {
            estimate.setGraphic(Icons.of(Feather.BAR_CHART_2));
        }
        return estimate;
    }

    private static Button iconButton(Feather icon, String id, String tip, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private HBox confirmBar() {
        confirmBar.setId("confirm-bar");
        confirmBar.getStyleClass().add("confirm-bar");
        confirmBar.setAlignment(Pos.CENTER_LEFT);
        confirmBar.setPadding(new Insets(6, 10, 6, 10));
        Label message = new Label(null, Icons.of(Feather.ALERT_OCTAGON));
        message.setId("confirm-message");
        message.setWrapText(true);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button yes = new Button("Run on production");
        yes.setId("confirm-run");
        yes.getStyleClass().add("danger");
        yes.setOnAction(e -> model.confirm());
        Button no = new Button("Don't run");
        no.setId("confirm-cancel");
        no.setOnAction(e -> model.dismissConfirmation());
        confirmBar.getChildren().addAll(message, yes, no);
        confirmBar.managedProperty().bind(confirmBar.visibleProperty());
        confirmBar.setVisible(false);
        model.confirmationProperty().addListener((o, a, c) -> {
            confirmBar.setVisible(c != null);
            message.setText(c == null ? null : c.message());
            if (c != null) {
                no.requestFocus();
            }
        });
        return confirmBar;
    }

    private HBox pager() {
        Button first = iconButton(Feather.CHEVRONS_LEFT, "first-page", "First page", model::firstPage);
        Button previous = iconButton(Feather.CHEVRON_LEFT, "previous-page", "Previous page (" + KeyText.of(PREVIOUS_PAGE) + ")", model::previousPage);
        Button next = iconButton(Feather.CHEVRON_RIGHT, "next-page", "Next page (" + KeyText.of(NEXT_PAGE) + ")", model::nextPage);
        Button more = new Button(null, Icons.of(Feather.CHEVRONS_DOWN));
        more.setId("fetch-more");
        more.setTooltip(new Tooltip("Show the next page's rows below these (up to " + String.format("%,d", QueryTabModel.MAX_ROWS_SHOWN)
                + " rows at once)"));
        more.setOnAction(e -> model.fetchMore());
        for (Button b : new Button[] {first, previous, next, more}) {
            b.setDisable(true);
        }
        Runnable refresh = () -> {
            ResultPageView p = model.pageProperty().get();
            boolean busy = model.runningProperty().get();
            first.setDisable(busy || p == null || !p.hasPreviousPage());
            previous.setDisable(busy || p == null || !p.hasPreviousPage());
            next.setDisable(busy || p == null || !p.hasNextPage());
            more.setDisable(busy || !model.canFetchMore());
        };
        model.pageProperty().addListener((o, a, b) -> refresh.run());
        model.runningProperty().addListener((o, a, b) -> refresh.run());

        ComboBox<Integer> size = new ComboBox<>();
        size.setId("page-size");
        size.getItems().setAll(QueryTabModel.PAGE_SIZES);
        size.setValue(model.pageSizeProperty().get());
        size.setTooltip(new Tooltip("Rows per page"));
        size.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n + " rows";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.replaceAll("\\D", ""));
            }
        });
        size.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.changePageSize(b);
            }
        });

        MenuButton export = new MenuButton("Export", Icons.of(Feather.DOWNLOAD));
        export.setId("export-menu");
        for (ExportFormat f : ExportFormat.values()) {
            MenuItem item = new MenuItem(f.label() + " (." + f.extension() + ")…");
            item.setId("export-" + f.extension());
            item.setOnAction(e -> chooseExportFile(f));
            export.getItems().add(item);
        }
        export.disableProperty().bind(model.pageProperty().isNull().or(model.exportingProperty()));
        export.setTooltip(new Tooltip("Export every row of the result (not only the fetched pages): the statement runs again"));
        ProgressIndicator exportBusy = new ProgressIndicator();
        exportBusy.setPrefSize(14, 14);
        exportBusy.visibleProperty().bind(model.exportingProperty());
        exportBusy.managedProperty().bind(model.exportingProperty());
        Label exportStatus = new Label();
        exportStatus.setId("export-status");
        exportStatus.getStyleClass().add("text-muted");
        exportStatus.textProperty().bind(model.exportStatusProperty());
        Button cancelExport = iconButton(Feather.X_CIRCLE, "cancel-export", "Cancel the export", model::cancelExport);
        cancelExport.visibleProperty().bind(model.exportingProperty());
        cancelExport.managedProperty().bind(model.exportingProperty());

        status.setId("query-status");
        status.textProperty().bind(model.statusProperty());
        // in a narrow tab (the history panel open) the status gives way, with its whole text on hover; the
        // controls keep their labels
        status.setMinWidth(120);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(model.statusProperty());
        status.setTooltip(whole);
        for (Region control : new Region[] {first, previous, next, more, size, export}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        exportStatus.setMinWidth(0);
        HBox bar = new HBox(6, first, previous, next, more, size, export, exportBusy, exportStatus, cancelExport,
                spacer, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("pager");
        return bar;
    }

    private Tab resultTab(ResultModel r, ResultView view, String title) {
        Tab t = new Tab(title, view);
        t.setGraphic(Icons.of(Feather.GRID));
        t.setUserData(r);
        return t;
    }

    /**
     * One tab per result set, then the messages of a script (or of statements without rows). Result views
     * and their tabs are reused by position, so a new run does not build a new grid.
     */
    private void rebuildResultTabs() {
        java.util.List<Tab> tabs = new java.util.ArrayList<>();
        java.util.List<ResultModel> results = model.results();
        for (int i = 0; i < results.size(); i++) {
            ResultModel r = results.get(i);
            if (i == pool.size()) {
                pool.add(i == 0 ? emptyView : new ResultView());
                tabPool.add(resultTab(null, pool.get(i), ""));
            }
            ResultView view = pool.get(i);
            Tab tab = tabPool.get(i);
            if (tab.getUserData() != r) {
                attach(r, view);
                tab.setUserData(r);
                tab.setText(r.title());
            }
            tabs.add(tab);
        }
        views.keySet().retainAll(results);
        if (tabs.isEmpty() && model.messages().isEmpty()) {
            // while a new run starts, the last grid stays as it is: clearing it would rebuild its columns
            Tab first = tabPool.get(0);
            first.setUserData(null);
            first.setText("Result");
            tabs.add(first);
        }
        if (!model.messages().isEmpty() && (results.size() != 1 || model.messages().size() > 1)) {
            tabs.add(messagesTab);
        }
        if (!resultTabs.getTabs().equals(tabs)) {
            resultTabs.getTabs().setAll(tabs);
        }
        if (results.isEmpty() && !model.messages().isEmpty()) {
            resultTabs.getSelectionModel().select(messagesTab);
        }
    }

    /** Shows result {@code r} in {@code view}, following its pages from now on. */
    private void attach(ResultModel r, ResultView view) {
        views.entrySet().removeIf(e -> e.getValue() == view);
        views.put(r, view);
        view.hideValue();
        view.filter().clear();
        view.show(r.pageProperty().get());
        r.pageProperty().addListener((o, a, p) -> {
            if (views.get(r) == view) {
                view.show(p);
            }
        });
        view.grid().setOnRerunSorted((column, descending) -> model.rerunOrderedBy(r, column, descending));
    }

    /** Runs the selection if there is one, else the statement at the caret. */
    void runFromEditor() {
        editor.hideCompletions();
        String selected = editor.getSelectedText();
        if (selected != null && !selected.isBlank()) {
            model.run(selected, editor.getSelection().getStart());
        } else {
            model.runAtCaret(editor.getText(), editor.getCaretPosition());
        }
    }

    /** Runs every statement of the editor. */
    void runScript() {
        editor.hideCompletions();
        model.run(editor.getText(), 0);
    }

    private void showPage(ResultPageView page) {
        errorPane.setVisible(false);
        resultTabs.setVisible(true);
    }

    private void showFailure(QueryTabModel.Failure failure) {
        if (failure == null) {
            errorPane.setVisible(false);
            resultTabs.setVisible(true);
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
        resultTabs.setVisible(false);
        errorPane.setVisible(true);
        if (failure.editorPosition() != null) {
            editor.markError(failure.editorPosition());
        }
    }

    // ----- files

    /** Where the tab's text opens a new tab instead of replacing this one's (set by the main window). */
    public void setOpenInNewTab(BiConsumer<String, Path> opener) {
        this.openInNewTab = opener;
    }

    private void chooseFileToOpen() {
        FileChooser chooser = sqlChooser("Open SQL file");
        java.io.File chosen = chooser.showOpenDialog(getTabPane() == null ? null : getTabPane().getScene().getWindow());
        if (chosen != null) {
            openFile(chosen.toPath());
        }
    }

    /** Reads a .sql file in the background into this tab (when it is empty) or a new one. */
    public void openFile(Path path) {
        BackgroundTask.wrap(p -> Files.readString(path, StandardCharsets.UTF_8))
                .onSuccess(text -> {
                    if (editor.getText().isBlank()) {
                        editor.replaceText(text);
                        associate(path, text);
                    } else {
                        openInNewTab.accept(text, path);
                    }
                })
                .onFailure(e -> model.messages().setAll("Could not open " + path.getFileName() + ": " + e.getMessage()))
                .executeWith(executor);
    }

    /** Marks the tab as holding {@code path} with {@code text} as saved. */
    public void associate(Path path, String text) {
        file = path;
        savedText = text;
        updateTitle();
    }

    private void save(boolean askForName) {
        if (file == null || askForName) {
            FileChooser chooser = sqlChooser("Save SQL file");
            chooser.setInitialFileName(file == null ? "query.sql" : file.getFileName().toString());
            java.io.File chosen = chooser.showSaveDialog(getTabPane() == null ? null : getTabPane().getScene().getWindow());
            if (chosen == null) {
                return;
            }
            saveTo(chosen.toPath());
        } else {
            saveTo(file);
        }
    }

    /** Writes the text to {@code path} in the background (through a temporary file, then a rename). */
    public void saveTo(Path path) {
        String text = editor.getText();
        BackgroundTask.wrap(p -> {
                    Path part = path.resolveSibling("." + path.getFileName() + ".saving");
                    Files.writeString(part, text, StandardCharsets.UTF_8);
                    Files.move(part, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    return path;
                })
                .onSuccess(p -> associate(p, text))
                .onFailure(e -> model.messages().setAll("Could not save " + path.getFileName() + ": " + e.getMessage()))
                .executeWith(executor);
    }

    private static FileChooser sqlChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SQL files", "*.sql"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return chooser;
    }

    private void chooseExportFile(ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the whole result");
        chooser.setInitialFileName("result." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label(), "*." + format.extension()));
        java.io.File chosen = chooser.showSaveDialog(getTabPane() == null ? null : getTabPane().getScene().getWindow());
        if (chosen != null) {
            model.export(model.selectedResultProperty().get(), chosen.toPath(), format);
        }
    }

    /** Whether the text differs from what was last opened or saved. */
    public boolean isModified() {
        return !editor.getText().equals(savedText);
    }

    private void updateTitle() {
        String name = file == null ? baseTitle : file.getFileName().toString();
        setText(name + (isModified() && file != null ? " •" : ""));
    }

    /** Asks before closing a tab whose text would be lost; true when it may close. */
    private boolean confirmClose() {
        if (!isModified() || editor.getText().isBlank()) {
            return true;
        }
        ButtonType save = new ButtonType("Save…", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The text of '" + getText() + "' has changes that are not saved "
                + "to a file.", save, discard, ButtonType.CANCEL);
        alert.setHeaderText("Close without saving?");
        if (getTabPane() != null && getTabPane().getScene() != null) {
            alert.initOwner(getTabPane().getScene().getWindow());
        }
        Optional<ButtonType> choice = alert.showAndWait();
        if (choice.isEmpty() || choice.get() == ButtonType.CANCEL) {
            return false;
        }
        if (choice.get() == save) {
            save(file == null);
        }
        return true;
    }

    /** The tab as it is kept for the next start. */
    public SavedTab saved() {
        return new SavedTab(connection.id(), baseTitle, editor.getText(), file == null ? null : file.toString(), isModified());
    }

    public QueryTabModel model() {
        return model;
    }

    public SqlEditor editor() {
        return editor;
    }

    /** The grid of the result shown now. */
    public ResultGrid grid() {
        return resultView().grid();
    }

    /** The result set shown now (grid, filter, value viewer). */
    public ResultView resultView() {
        ResultModel r = model.selectedResultProperty().get();
        return r == null || !views.containsKey(r) ? emptyView : views.get(r);
    }

    public FindBar findBar() {
        return findBar;
    }

    public TabPane resultTabs() {
        return resultTabs;
    }

    /** Puts the caret in the editor. */
    public void focusEditor() {
        editor.requestFocus();
    }
}
