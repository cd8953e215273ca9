package dev.sextant.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Runs work on daemon worker threads and hands every callback to the JavaFX thread. Progress reports
 * are thinned to one per 50 ms so a chatty task cannot flood the UI.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final long PROGRESS_INTERVAL_NANOS = 50_000_000L;

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
        pool.execute(() -> {
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
        });
        return new TaskHandle() {
            @Override
            public void cancel() {
                if (!done.get()) {
                    task.cancelCallback().run();
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
