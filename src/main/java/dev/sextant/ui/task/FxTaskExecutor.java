package dev.sextant.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on daemon worker threads and hands every callback to the JavaFX thread. Progress reports
 * are thinned to one per 50 ms so a chatty task cannot flood the UI.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final long PROGRESS_INTERVAL_NANOS = 50_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;

    public FxTaskExecutor() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sextant-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong lastProgress = new AtomicLong();
        try {
            pool.execute(() -> run(task, done, lastProgress));
        } catch (RejectedExecutionException e) {
            // the window is closing: a late callback asking for more work gets none, rather than an exception
            // thrown on the JavaFX thread
            LOG.debug("Background work asked for after the executor closed; not started");
            done.set(true);
        }
        return handle(task, done);
    }

    private static <T> void run(BackgroundTask<T> task, AtomicBoolean done, AtomicLong lastProgress) {
        try {
            T result = task.work().run((fraction, message) -> {
                long now = System.nanoTime();
                long last = lastProgress.get();
                if (fraction >= 1.0 || now - last >= PROGRESS_INTERVAL_NANOS) {
                    lastProgress.set(now);
                    Platform.runLater(() -> task.progressCallback().progress(fraction, message));
                }
            });
            Platform.runLater(() -> {
                done.set(true);
                task.successCallback().accept(result);
            });
        } catch (Throwable e) {
            Platform.runLater(() -> {
                done.set(true);
                task.failureCallback().accept(e);
            });
        }
    }

    private <T> TaskHandle handle(BackgroundTask<T> task, AtomicBoolean done) {
        return new TaskHandle() {
            /** Stopping may talk to a server (Statement.cancel, jobs.cancel), so it never runs on the caller's thread. */
            @Override
            public void cancel() {
                if (!done.get()) {
                    Runnable stop = task.cancelCallback();
                    try {
                        pool.execute(stop);
                    } catch (RejectedExecutionException e) {
                        Thread t = new Thread(stop, "sextant-cancel");
                        t.setDaemon(true);
                        t.start();
                    }
                }
            }

            @Override
            public boolean isDone() {
                return done.get();
            }
        };
    }

    @Override
    public void runOnUiThread(Runnable update) {
        Platform.runLater(update);
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
