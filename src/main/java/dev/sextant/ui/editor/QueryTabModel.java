package dev.sextant.ui.editor;

import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.QueryEstimate;
import dev.sextant.query.ChangeCheck;
import dev.sextant.query.ExecutionResult;
import dev.sextant.query.HistoryEntry;
import dev.sextant.query.QueryHistory;
import dev.sextant.query.QuerySession;
import dev.sextant.query.ResultPageView;
import dev.sextant.query.WorkbenchStore;
import dev.sextant.query.export.ExportFormat;
import dev.sextant.query.export.ResultExporter;
import dev.sextant.sql.ParameterType;
import dev.sextant.sql.ParameterValue;
import dev.sextant.sql.ParameterizedSql;
import dev.sextant.sql.SqlStatement;
import dev.sextant.sql.StatementClassifier;
import dev.sextant.sql.StatementSplitter;
import dev.sextant.sql.Syntax;
import dev.sextant.ui.Bytes;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import dev.sextant.ui.task.TaskHandle;
import dev.sextant.ui.window.KeyText;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of one editor tab: the statements that run, one result per statement that returns rows, the
 * page shown of the selected result, errors, the status line, the parameter form and the production
 * confirmation waiting for an answer, the BigQuery estimate, and exports. All methods are called on the
 * JavaFX thread; database and store work goes through the {@link TaskExecutor}.
 */
public final class QueryTabModel {

    public static final List<Integer> PAGE_SIZES = List.of(100, 200, 500, 1000);
    public static final int DEFAULT_PAGE_SIZE = 200;
    /** "Fetch more" grows the shown page up to this many rows; beyond it the user pages. */
    public static final int MAX_ROWS_SHOWN = 10_000;
    /** BigQuery statements that only make sense inside one script job, so such a script is sent whole. */
    private static final Set<String> BIGQUERY_SCRIPTING = Set.of("DECLARE", "SET", "BEGIN", "IF", "LOOP", "WHILE",
            "FOR", "REPEAT", "CALL", "EXECUTE", "RAISE", "RETURN", "BREAK", "LEAVE", "CONTINUE", "ITERATE", "ASSERT");

    /** A failed statement, with where its SQL started in the editor so the position can be marked. */
    public record Failure(String title, String message, Integer editorPosition, Throwable cause) {
    }

    /** One statement ready to run: its text as sent, its values, and where it starts in the editor. */
    private record Planned(SqlStatement statement, ParameterizedSql.Bound bound, String historyParameters) {
    }

    private final QuerySession session;
    private final TaskExecutor executor;
    private final ExternalDatabaseConfig config;
    private final Syntax syntax;
    private final Supplier<WorkbenchStore> store;
    private final Supplier<BaseDBConnector> exportConnector;

    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("Ready. " + KeyText.of(QueryTab.RUN) + " runs the statement at the caret.");
    private final ObjectProperty<ResultPageView> page = new SimpleObjectProperty<>();
    private final ObjectProperty<Failure> failure = new SimpleObjectProperty<>();
    private final IntegerProperty pageSize = new SimpleIntegerProperty(DEFAULT_PAGE_SIZE);
    private final ObservableList<ResultModel> results = FXCollections.observableArrayList();
    private final ObjectProperty<ResultModel> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> messages = FXCollections.observableArrayList();
    private final ObjectProperty<ParameterRequest> parameterRequest = new SimpleObjectProperty<>();
    private final ObjectProperty<Confirmation> confirmation = new SimpleObjectProperty<>();
    private final StringProperty estimate = new SimpleStringProperty("");
    private final BooleanProperty estimateOverCap = new SimpleBooleanProperty(false);
    private final StringProperty runInfo = new SimpleStringProperty("");
    private final BooleanProperty exporting = new SimpleBooleanProperty(false);
    private final StringProperty exportStatus = new SimpleStringProperty("");
    private final Map<String, ParameterValue> remembered = new LinkedHashMap<>();

    private TaskHandle current;
    private TaskHandle export;
    private long startedNanos;
    private String activity = "";
    private int estimateSequence;
    private boolean rememberedLoaded;

    /** A tab without a saved connection behind it (tests of the model): PostgreSQL syntax, no history. */
    public QueryTabModel(QuerySession session, TaskExecutor executor) {
        this(session, executor, null, Syntax.POSTGRESQL, () -> null, null);
    }

    /**
     * @param config          the connection the tab runs on; null in tests of the model
     * @param store           the history and saved state, or a supplier of null where none is kept
     * @param exportConnector a new connector for the connection, for exports that run on their own
     */
    public QueryTabModel(QuerySession session, TaskExecutor executor, ExternalDatabaseConfig config, Syntax syntax,
                         Supplier<WorkbenchStore> store, Supplier<BaseDBConnector> exportConnector) {
        this.session = session;
        this.executor = executor;
        this.config = config;
        this.syntax = syntax;
        this.store = store;
        this.exportConnector = exportConnector;
        selected.addListener((obs, old, now) -> {
            page.unbind();
            if (now == null) {
                page.set(null);
            } else {
                page.bind(now.pageProperty());
            }
            runInfo.set(now == null ? "" : describe(now.runInfo()));
        });
    }

    public Syntax syntax() {
        return syntax;
    }

    public ExternalDatabaseConfig config() {
        return config;
    }

    // ----- running

    /** Runs the statement at the caret (Ctrl+Enter). */
    public void runAtCaret(String text, int caret) {
        List<SqlStatement> statements = StatementSplitter.split(text, syntax);
        SqlStatement at = StatementSplitter.atCaret(statements, caret);
        if (at == null) {
            nothingToRun();
            return;
        }
        plan(List.of(at));
    }

    /**
     * Runs every statement of {@code sql} in order (the selection, or the whole script), each with its own
     * result or update count.
     *
     * @param editorOffset where {@code sql} starts in the editor, to map an error position onto the editor
     */
    public void run(String sql, int editorOffset) {
        if (running.get()) {
            return;
        }
        if (sql == null || sql.isBlank()) {
            nothingToRun();
            return;
        }
        List<SqlStatement> statements = new ArrayList<>();
        for (SqlStatement s : StatementSplitter.split(sql, syntax)) {
            statements.add(new SqlStatement(s.text(), s.start() + editorOffset, s.end() + editorOffset));
        }
        if (statements.size() > 1 && syntax == Syntax.BIGQUERY && statements.stream().anyMatch(QueryTabModel::isScripting)) {
            // DECLARE'd variables live for one script job only, so the script goes to BigQuery whole
            SqlStatement first = statements.get(0);
            SqlStatement last = statements.get(statements.size() - 1);
            int from = first.start() - editorOffset;
            int to = last.end() - editorOffset;
            statements = List.of(new SqlStatement(sql.substring(from, to), first.start(), last.end()));
        }
        if (statements.isEmpty()) {
            nothingToRun();
            return;
        }
        plan(statements);
    }

    private static boolean isScripting(SqlStatement s) {
        String first = s.text().strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        return BIGQUERY_SCRIPTING.contains(first) && !s.text().strip().toUpperCase(Locale.ROOT).startsWith("BEGIN TRANSACTION");
    }

    private void nothingToRun() {
        failure.set(new Failure("Nothing to run", "Type a statement first.", null, null));
    }

    /** Finds the parameters; asks for their values when there are any, then goes on to {@link #confirmAndRun}. */
    private void plan(List<SqlStatement> statements) {
        if (running.get()) {
            return;
        }
        failure.set(null);
        confirmation.set(null);
        List<ParameterizedSql> parsed = statements.stream().map(s -> ParameterizedSql.of(s.text(), syntax)).toList();
        List<String> names = new ArrayList<>();
        parsed.forEach(p -> p.names().stream().filter(n -> !names.contains(n)).forEach(names::add));
        if (names.isEmpty()) {
            bindAndRun(statements, parsed, List.of());
            return;
        }
        loadRemembered(() -> {
            List<ParameterValue> defaults = names.stream().map(n -> remembered.getOrDefault(n,
                    new ParameterValue(n, ParameterType.TEXT, "", false))).toList();
            parameterRequest.set(new ParameterRequest(defaults, values -> {
                parameterRequest.set(null);
                values.forEach(v -> remembered.put(v.name(), v.secret() ? new ParameterValue(v.name(), v.type(), "", true) : v));
                saveRemembered(values);
                bindAndRun(statements, parsed, values);
            }));
        });
    }

    /** Closes the parameter form without running. */
    public void cancelParameters() {
        parameterRequest.set(null);
        status.set("Not run: parameters were not given.");
    }

    private void bindAndRun(List<SqlStatement> statements, List<ParameterizedSql> parsed, List<ParameterValue> values) {
        Map<String, Object> bound = new LinkedHashMap<>();
        try {
            for (ParameterValue v : values) {
                bound.put(v.name(), v.value());
            }
            List<Planned> plan = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                ParameterizedSql p = parsed.get(i);
                List<ParameterValue> used = values.stream().filter(v -> p.names().contains(v.name())).toList();
                plan.add(new Planned(statements.get(i), p.bind(bound), QueryHistory.describe(used)));
            }
            confirmAndRun(plan);
        } catch (IllegalArgumentException e) {
            failure.set(new Failure("Parameter problem", e.getMessage(), null, null));
        }
    }

    /** On a production connection, asks before statements that change data or schema. */
    private void confirmAndRun(List<Planned> plan) {
        if (config == null || config.kind() != ConnectionKind.PRODUCTION) {
            execute(plan);
            return;
        }
        if (syntax == Syntax.BIGQUERY) {
            // the server knows the statement type best: ask it with a dry run
            startWork("Checking what the statements do…");
            current = BackgroundTask.wrap(p -> {
                        List<String> verbs = new ArrayList<>();
                        for (Planned s : plan) {
                            ChangeCheck.changingVerb(s.statement().text(), s.bound().sql(), s.bound().values(), syntax,
                                    session::estimate).ifPresent(verbs::add);
                        }
                        return verbs;
                    })
                    .onSuccess(verbs -> {
                        running.set(false);
                        status.set("Ready.");
                        askOrRun(verbs, plan);
                    })
                    .onFailure(e -> fail(e, 0))
                    .executeWith(executor);
            return;
        }
        List<String> verbs = new ArrayList<>();
        for (Planned s : plan) {
            ChangeCheck.changingVerb(s.statement().text(), s.bound().sql(), s.bound().values(), syntax, null)
                    .ifPresent(verbs::add);
        }
        askOrRun(verbs, plan);
    }

    private void askOrRun(List<String> verbs, List<Planned> plan) {
        if (verbs.isEmpty()) {
            execute(plan);
            return;
        }
        confirmation.set(new Confirmation(ChangeCheck.question(verbs, config.name()) + " Run " + (verbs.size() == 1 ? "it" : "them") + "?", () -> {
                    confirmation.set(null);
                    execute(plan);
                }));
        status.set("Waiting for confirmation: production connection.");
    }

    /** Runs the statement the confirmation is waiting for. */
    public void confirm() {
        Confirmation c = confirmation.get();
        if (c != null) {
            c.onConfirm().run();
        }
    }

    public void dismissConfirmation() {
        if (confirmation.get() != null) {
            confirmation.set(null);
            status.set("Not run.");
        }
    }

    private void execute(List<Planned> plan) {
        results.clear();
        messages.clear();
        selected.set(null);
        startWork("Running…");
        runStatement(plan, 0);
    }

    private void runStatement(List<Planned> plan, int index) {
        Planned s = plan.get(index);
        int size = pageSize.get();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        activity = plan.size() > 1 ? "Running " + (index + 1) + " of " + plan.size() + "…" : "Running…";
        current = BackgroundTask.wrap(p -> session.execute(s.bound().sql(), s.bound().values(), size, index > 0))
                .onCancel(session::cancel)
                .onSuccess(result -> {
                    showExecution(s, result, plan.size(), index);
                    record(s, started, System.nanoTime() - t0, result, null);
                    if (index + 1 < plan.size()) {
                        runStatement(plan, index + 1);
                    } else {
                        finishRun(result);
                    }
                })
                .onFailure(e -> {
                    int offset = s.statement().start();
                    Integer position = e instanceof ConnectorException ce && ce.position().isPresent()
                            ? offset + s.bound().toOriginal(ce.position().get()) : null;
                    fail(e, position);
                    record(s, started, System.nanoTime() - t0, null, e);
                    if (plan.size() > 1) {
                        messages.add("Statement " + (index + 1) + " of " + plan.size() + " failed; the rest did not run.");
                    }
                })
                .executeWith(executor);
    }

    private void showExecution(Planned s, ExecutionResult result, int total, int index) {
        if (result.hasRows()) {
            String title = total > 1 ? "Result " + (results.size() + 1) : "Result";
            ResultModel r = new ResultModel(result.resultId(), title, s.bound().sql(), s.bound().values(),
                    result.firstPage(), result.elapsed(), result.runInfo());
            results.add(r);
            selected.set(r);
            messages.add(firstWords(s.statement().text()) + " · " + summary(result.firstPage(), result.elapsed()));
        } else {
            long n = result.updateCount();
            messages.add(firstWords(s.statement().text()) + " · " + (n >= 0 ? fmt(n) + (n == 1 ? " row" : " rows") + " affected"
                    : "done") + " · " + millis(result.elapsed()));
            if (!result.runInfo().isEmpty()) {
                runInfo.set(describe(result.runInfo()));
            }
        }
    }

    private void finishRun(ExecutionResult last) {
        running.set(false);
        ResultModel r = selected.get();
        if (last.hasRows() || r == null) {
            if (last.hasRows()) {
                status.set(summary(last.firstPage(), last.elapsed()));
            } else {
                long n = last.updateCount();
                status.set((n >= 0 ? "Statement done: " + fmt(n) + (n == 1 ? " row" : " rows") + " affected" : "Statement done")
                        + " · " + millis(last.elapsed()));
            }
        } else {
            status.set(messages.size() + " statements done · " + millis(elapsed()));
        }
    }

    private static String firstWords(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 59) + "…" : oneLine;
    }

    /** Writes the run to the history in the background; a store problem never disturbs the run. */
    private void record(Planned s, Instant started, long nanos, ExecutionResult result, Throwable error) {
        WorkbenchStore st = store.get();
        if (st == null) {
            return;
        }
        HistoryEntry.Outcome outcome = error == null ? HistoryEntry.Outcome.SUCCEEDED
                : error instanceof ConnectorException ce && ce.kind() == ErrorKind.CANCELLED
                ? HistoryEntry.Outcome.CANCELLED : HistoryEntry.Outcome.FAILED;
        long rows = result != null && result.hasRows() ? result.firstPage().rowsRead() : -1;
        long updates = result != null && !result.hasRows() ? result.updateCount() : -1;
        HistoryEntry entry = new HistoryEntry(0, config == null ? null : config.id(), config == null ? "" : config.name(),
                s.statement().text(), started, nanos / 1_000_000, rows, updates, outcome,
                error == null ? null : error.getMessage(), s.historyParameters());
        BackgroundTask.wrap(p -> st.history().record(entry)).executeWith(executor);
    }

    private void loadRemembered(Runnable then) {
        WorkbenchStore st = store.get();
        if (rememberedLoaded || st == null || config == null) {
            rememberedLoaded = true;
            then.run();
            return;
        }
        BackgroundTask.wrap(p -> st.state().loadParameters(config.id()))
                .onSuccess(values -> {
                    rememberedLoaded = true;
                    values.forEach(v -> remembered.putIfAbsent(v.name(), v));
                    then.run();
                })
                .onFailure(e -> {
                    rememberedLoaded = true;
                    then.run();
                })
                .executeWith(executor);
    }

    private void saveRemembered(List<ParameterValue> values) {
        WorkbenchStore st = store.get();
        if (st != null && config != null) {
            BackgroundTask.wrap(p -> {
                st.state().saveParameters(config.id(), values);
                return null;
            }).executeWith(executor);
        }
    }

    public void cancel() {
        if (current != null && running.get()) {
            activity = "Cancelling…";
            tick();
            current.cancel();
        }
    }

    /** Refreshes the live status of running work with its elapsed time; the view calls it on a timer. */
    public void tick() {
        if (running.get()) {
            status.set(activity + " " + millis(elapsed()));
        }
    }

    // ----- paging the selected result

    public void nextPage() {
        ResultPageView p = page.get();
        if (p != null && p.hasNextPage() && !running.get()) {
            loadRows(p.firstRow() + p.rows().size(), pageSize.get());
        }
    }

    public void previousPage() {
        ResultPageView p = page.get();
        if (p != null && p.hasPreviousPage() && !running.get()) {
            loadRows(Math.max(0, p.firstRow() - pageSize.get()), pageSize.get());
        }
    }

    public void firstPage() {
        ResultPageView p = page.get();
        if (p != null && p.firstRow() > 0 && !running.get()) {
            loadRows(0, pageSize.get());
        }
    }

    /** Shows one more page of rows below the ones shown, up to {@value #MAX_ROWS_SHOWN} rows at once. */
    public void fetchMore() {
        ResultPageView p = page.get();
        if (p != null && p.hasNextPage() && !running.get()) {
            int count = (int) Math.min(MAX_ROWS_SHOWN, p.rows().size() + (long) pageSize.get());
            loadRows(p.firstRow(), count);
        }
    }

    /** Whether "fetch more" can still grow the page. */
    public boolean canFetchMore() {
        ResultPageView p = page.get();
        return p != null && p.hasNextPage() && p.rows().size() < MAX_ROWS_SHOWN;
    }

    /** Changes the page size, staying on the page that holds the first row now shown. */
    public void changePageSize(int size) {
        pageSize.set(size);
        ResultPageView p = page.get();
        if (p != null && p.pageSize() != size && !running.get()) {
            loadRows(p.firstRow() / size * size, size);
        }
    }

    private void loadRows(long from, int count) {
        ResultModel r = selected.get();
        if (r == null) {
            return;
        }
        startWork("Fetching rows…");
        record Fetched(ResultPageView view, Map<String, String> info) {
        }
        current = BackgroundTask.wrap(p -> new Fetched(session.rows(r.resultId(), from, count), session.runInfo(r.resultId())))
                .onCancel(session::cancel)
                .onSuccess(fetched -> {
                    running.set(false);
                    r.runInfo(fetched.info());
                    r.pageProperty().set(fetched.view());
                    status.set(summary(fetched.view(), Duration.ofNanos(System.nanoTime() - startedNanos)));
                })
                .onFailure(e -> fail(e, null))
                .executeWith(executor);
    }

    /** Runs the result's statement again, sorted by one of its columns on the database. */
    public void rerunOrderedBy(ResultModel r, int columnNumber, boolean descending) {
        if (running.get() || r == null) {
            return;
        }
        String name = r.pageProperty().get() == null ? String.valueOf(columnNumber)
                : r.pageProperty().get().columns().get(columnNumber - 1).name();
        String sql = "SELECT * FROM (\n" + r.sql() + "\n) AS sorted_result ORDER BY " + columnNumber + (descending ? " DESC" : "");
        failure.set(null);
        results.clear();
        messages.clear();
        startWork("Running sorted by " + name + "…");
        int size = pageSize.get();
        current = BackgroundTask.wrap(p -> session.execute(sql, r.params(), size, false))
                .onCancel(session::cancel)
                .onSuccess(result -> {
                    ResultModel sorted = new ResultModel(result.resultId(), "Sorted by " + name + (descending ? " ↓" : " ↑"), sql,
                            r.params(), result.firstPage(), result.elapsed(), result.runInfo());
                    results.add(sorted);
                    selected.set(sorted);
                    finishRun(result);
                })
                .onFailure(e -> fail(e, null))
                .executeWith(executor);
    }

    // ----- BigQuery estimate

    /**
     * Dry-runs the statement at the caret and shows the bytes it would process (BigQuery only). The view
     * calls it after typing pauses; only the newest answer is shown.
     */
    public void requestEstimate(String text, int caret) {
        if (syntax != Syntax.BIGQUERY) {
            return;
        }
        SqlStatement at = StatementSplitter.atCaret(StatementSplitter.split(text, syntax), caret);
        int sequence = ++estimateSequence;
        if (at == null) {
            estimate.set("");
            return;
        }
        ParameterizedSql p = ParameterizedSql.of(at.text(), syntax);
        Map<String, Object> values = new LinkedHashMap<>();
        for (String n : p.names()) {
            ParameterValue v = remembered.get(n);
            if (v == null || v.secret()) {
                estimate.set("Estimate after the parameters are given");
                return;
            }
            try {
                values.put(n, v.value());
            } catch (IllegalArgumentException e) {
                return;
            }
        }
        ParameterizedSql.Bound bound = p.bind(values);
        BackgroundTask.wrap(task -> session.estimate(bound.sql(), bound.values()))
                .onSuccess(e -> {
                    if (sequence == estimateSequence) {
                        estimateOverCap.set(e.map(QueryEstimate::exceedsCap).orElse(false));
                        estimate.set(e.map(QueryTabModel::describe).orElse(""));
                    }
                })
                .onFailure(e -> {
                    if (sequence == estimateSequence) {
                        estimateOverCap.set(false);
                        estimate.set("Dry run: " + e.getMessage());
                    }
                })
                .executeWith(executor);
    }

    static String describe(QueryEstimate e) {
        String bytes = e.bytesProcessed() < 0 ? "an unknown amount" : Bytes.format(e.bytesProcessed());
        String cap = e.bytesCap() < 0 ? "" : " · cap " + Bytes.format(e.bytesCap());
        return (e.exceedsCap() ? "Over the cap: " : "") + "This " + e.statementType() + " will process " + bytes + cap;
    }

    private static String describe(Map<String, String> info) {
        List<String> parts = new ArrayList<>();
        info.forEach((k, v) -> parts.add(k + ": " + v));
        return String.join(" · ", parts);
    }

    // ----- export

    /** Exports the whole result of {@code r} (run again on a connection of its own) to {@code target}. */
    public void export(ResultModel r, Path target, ExportFormat format) {
        if (exporting.get() || r == null || exportConnector == null) {
            return;
        }
        if (StatementClassifier.classify(r.sql(), syntax).changes()) {
            // the export runs the statement again: never for one that writes (INSERT ... RETURNING, say)
            exportStatus.set("Not exported: this result came from a statement that changes data, and an export runs "
                    + "its statement again. Copy the rows instead.");
            return;
        }
        ResultExporter exporter = new ResultExporter(exportConnector);
        exporting.set(true);
        exportStatus.set("Exporting to " + target.getFileName() + "…");
        long t0 = System.nanoTime();
        export = BackgroundTask.wrap(p -> exporter.export(r.sql(), r.params(), target, format, p))
                .onProgress((fraction, message) -> exportStatus.set(message))
                .onCancel(exporter::cancel)
                .onSuccess(rows -> {
                    exporting.set(false);
                    exportStatus.set(String.format("Exported %,d rows to %s · %s", rows, target.getFileName(),
                            millis(Duration.ofNanos(System.nanoTime() - t0))));
                })
                .onFailure(e -> {
                    exporting.set(false);
                    exportStatus.set(e instanceof ConnectorException ce && ce.kind() == ErrorKind.CANCELLED
                            ? "Export cancelled; no file was written." : "Export failed: " + e.getMessage());
                })
                .executeWith(executor);
    }

    public void cancelExport() {
        if (export != null && exporting.get()) {
            exportStatus.set("Cancelling the export…");
            export.cancel();
        }
    }

    // ----- status

    private void startWork(String message) {
        startedNanos = System.nanoTime();
        activity = message;
        running.set(true);
        status.set(message);
    }

    private void fail(Throwable e, Integer editorPosition) {
        running.set(false);
        if (e instanceof ConnectorException ce) {
            failure.set(new Failure(ce.kind().title(), ce.getMessage(), editorPosition, ce));
            status.set(ce.kind() == ErrorKind.CANCELLED ? "Cancelled after " + millis(elapsed())
                    : ce.kind().title() + " after " + millis(elapsed()));
        } else {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            failure.set(new Failure("Unexpected error", message, null, e));
            status.set("Failed after " + millis(elapsed()));
        }
    }

    /** e.g. "Rows 1–200 · more rows remain · 42 ms" or "Rows 201–340 of 340 · 12 ms". */
    static String summary(ResultPageView view, Duration elapsed) {
        String range = view.rows().isEmpty() ? "No rows" : "Rows " + fmt(view.firstRow() + 1) + "–" + fmt(view.lastRow());
        String total = view.complete() ? (view.rows().isEmpty() && view.rowsRead() == 0 ? "" : " of " + fmt(view.rowsRead()))
                : view.cutShort() ? " of the first " + fmt(view.rowsRead()) + " read (the script moved on)"
                : " · more rows remain";
        return range + total + " · " + millis(elapsed);
    }

    private static String fmt(long n) {
        return String.format("%,d", n);
    }

    static String millis(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
    }

    /** Time since the running statement started; for the live status. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The page shown of the selected result. */
    public ReadOnlyObjectProperty<ResultPageView> pageProperty() {
        return page;
    }

    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure;
    }

    public Optional<Failure> failure() {
        return Optional.ofNullable(failure.get());
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    /** One entry per result set of the last run, in statement order. */
    public ObservableList<ResultModel> results() {
        return results;
    }

    public ObjectProperty<ResultModel> selectedResultProperty() {
        return selected;
    }

    /** One line per statement of the last run: update counts, row summaries, where a script stopped. */
    public ObservableList<String> messages() {
        return messages;
    }

    public ReadOnlyObjectProperty<ParameterRequest> parameterRequestProperty() {
        return parameterRequest;
    }

    public ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return confirmation;
    }

    /** The BigQuery dry run's estimate for the statement at the caret, or empty. */
    public ReadOnlyStringProperty estimateProperty() {
        return estimate;
    }

    public ReadOnlyBooleanProperty estimateOverCapProperty() {
        return estimateOverCap;
    }

    /** What the database reported about the selected result's run (bytes, cache hit, job id), or empty. */
    public ReadOnlyStringProperty runInfoProperty() {
        return runInfo;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting;
    }

    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus;
    }

    /** Ends the session (and its connection) in the background when the tab closes. */
    public void close() {
        cancel();
        cancelExport();
        BackgroundTask.wrap(p -> {
            session.close();
            return null;
        }).executeWith(executor);
    }
}
