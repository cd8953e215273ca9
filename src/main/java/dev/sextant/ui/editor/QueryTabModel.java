package dev.sextant.ui.editor;

import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.query.ExecutionResult;
import dev.sextant.query.QuerySession;
import dev.sextant.query.ResultPageView;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import dev.sextant.ui.task.TaskHandle;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

/**
 * State of one editor tab: the statement that runs, its page of results, its error, and the status line.
 * All methods are called on the JavaFX thread; database work goes through the {@link TaskExecutor}.
 */
public final class QueryTabModel {

    public static final List<Integer> PAGE_SIZES = List.of(100, 200, 500, 1000);
    public static final int DEFAULT_PAGE_SIZE = 200;

    /** A failed statement, with where its SQL started in the editor so the position can be marked. */
    public record Failure(String title, String message, Integer editorPosition, Throwable cause) {
    }

    private final QuerySession session;
    private final TaskExecutor executor;

    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("Ready. Ctrl+Enter runs the statement.");
    private final ObjectProperty<ResultPageView> page = new SimpleObjectProperty<>();
    private final ObjectProperty<Failure> failure = new SimpleObjectProperty<>();
    private final IntegerProperty pageSize = new SimpleIntegerProperty(DEFAULT_PAGE_SIZE);

    private TaskHandle current;
    private long startedNanos;
    private String activity = "";

    public QueryTabModel(QuerySession session, TaskExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    /**
     * Runs {@code sql} in the background.
     *
     * @param editorOffset where {@code sql} starts in the editor, to map an error position onto the editor
     */
    public void run(String sql, int editorOffset) {
        if (running.get()) {
            return;
        }
        if (sql == null || sql.isBlank()) {
            failure.set(new Failure("Nothing to run", "Type a statement first.", null, null));
            return;
        }
        String statement = stripTrailingSemicolon(sql);
        failure.set(null);
        startWork("Running…");
        int size = pageSize.get();
        current = BackgroundTask.wrap(p -> session.execute(statement, List.of(), size))
                .onCancel(session::cancel)
                .onSuccess(this::showExecution)
                .onFailure(e -> fail(e, editorOffset))
                .executeWith(executor);
    }

    private static String stripTrailingSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
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

    public void nextPage() {
        ResultPageView p = page.get();
        if (p != null && p.hasNextPage() && !running.get()) {
            loadPage(p.pageIndex() + 1, p.pageSize());
        }
    }

    public void previousPage() {
        ResultPageView p = page.get();
        if (p != null && p.hasPreviousPage() && !running.get()) {
            loadPage(p.pageIndex() - 1, p.pageSize());
        }
    }

    /** Changes the page size, staying on the page that holds the first row now shown. */
    public void changePageSize(int size) {
        pageSize.set(size);
        ResultPageView p = page.get();
        if (p != null && p.pageSize() != size && !running.get()) {
            loadPage((int) (p.firstRow() / size), size);
        }
    }

    private void loadPage(int index, int size) {
        startWork("Fetching rows…");
        current = BackgroundTask.wrap(p -> session.page(index, size))
                .onCancel(session::cancel)
                .onSuccess(view -> {
                    running.set(false);
                    page.set(view);
                    status.set(summary(view, Duration.ofNanos(System.nanoTime() - startedNanos)));
                })
                .onFailure(e -> fail(e, 0))
                .executeWith(executor);
    }

    private void startWork(String message) {
        startedNanos = System.nanoTime();
        activity = message;
        running.set(true);
        status.set(message);
    }

    private void showExecution(ExecutionResult result) {
        running.set(false);
        if (result.hasRows()) {
            page.set(result.firstPage());
            status.set(summary(result.firstPage(), result.elapsed()));
        } else {
            page.set(null);
            long n = result.updateCount();
            status.set((n >= 0 ? "Statement done: " + n + (n == 1 ? " row" : " rows") + " affected" : "Statement done")
                    + " · " + millis(result.elapsed()));
        }
    }

    private void fail(Throwable e, int editorOffset) {
        running.set(false);
        if (e instanceof ConnectorException ce) {
            Integer position = ce.position().map(p -> p + editorOffset).orElse(null);
            failure.set(new Failure(ce.kind().title(), ce.getMessage(), position, ce));
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

    /** Ends the session (and its connection) in the background when the tab closes. */
    public void close() {
        cancel();
        BackgroundTask.wrap(p -> {
            session.close();
            return null;
        }).executeWith(executor);
    }
}
