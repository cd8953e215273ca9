package dev.sextant.ui.task;

import dev.sextant.query.ProgressListener;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must stay off the JavaFX thread (I/O, JDBC, keychain), with callbacks that a
 * {@link TaskExecutor} delivers on the JavaFX thread:
 * {@code BackgroundTask.wrap(p -> load()).onSuccess(show).onFailure(report).executeWith(executor)}.
 *
 * @param <T> what the work produces
 */
public final class BackgroundTask<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    /** The blocking part; it may report progress. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressListener progress) throws Exception;
    }

    private final Work<T> work;
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<Throwable> onFailure = e -> LOG.warn("Background task failed", e);
    private ProgressListener onProgress = ProgressListener.NONE;
    private static final Runnable NO_CANCEL = () -> { };
    private Runnable onCancel = NO_CANCEL;

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> wrap(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Runs on the JavaFX thread with the work's result. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs on the JavaFX thread when the work throws (including after a cancel). */
    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    /** Runs on the JavaFX thread with the work's progress reports. */
    public BackgroundTask<T> onProgress(ProgressListener callback) {
        this.onProgress = Objects.requireNonNull(callback);
        return this;
    }

    /**
     * How to stop the work when the user cancels, called on the cancelling thread (e.g.
     * {@code session::cancel}). Threads are never interrupted: an interrupt can close a database file.
     */
    public BackgroundTask<T> onCancel(Runnable stopper) {
        this.onCancel = Objects.requireNonNull(stopper);
        return this;
    }

    public TaskHandle executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    Work<T> work() {
        return work;
    }

    Consumer<? super T> successCallback() {
        return onSuccess;
    }

    Consumer<Throwable> failureCallback() {
        return onFailure;
    }

    ProgressListener progressCallback() {
        return onProgress;
    }

    Runnable cancelCallback() {
        return onCancel;
    }

    /** Whether the work said how to stop it, so a task list can offer Cancel. */
    boolean cancellable() {
        return onCancel != NO_CANCEL;
    }
}
