package dev.sextant.ui.task;

/** Runs background tasks; the application uses {@link FxTaskExecutor}, unit tests {@link DirectTaskExecutor}. */
public interface TaskExecutor {

    <T> TaskHandle execute(BackgroundTask<T> task);
}
