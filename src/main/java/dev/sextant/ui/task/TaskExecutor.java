package dev.sextant.ui.task;

/** Runs background tasks; the application uses {@link FxTaskExecutor}, unit tests {@link DirectTaskExecutor}. */
public interface TaskExecutor {

    <T> TaskHandle execute(BackgroundTask<T> task);

    /**
     * Runs {@code update} on the thread that callbacks run on (the JavaFX thread in the application), for
     * work that hands out several results as it goes, e.g. the stages of a connection test. This default
     * runs it at once, as a synchronous executor does.
     */
    default void runOnUiThread(Runnable update) {
        update.run();
    }
}
