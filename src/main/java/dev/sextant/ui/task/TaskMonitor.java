package dev.sextant.ui.task;

import java.util.Objects;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The background work the user may want to see or stop (scans, connection tests, searches), for the
 * status bar's task list. A task is listed from the moment it starts until its result has been handed
 * over; quick internal work is run straight through the executor and not listed. Use on the JavaFX thread.
 */
public final class TaskMonitor {

    /** One listed task: what it is, how far it got, and how to stop it. */
    public static final class RunningTask {
        private final String title;
        private final boolean cancellable;
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        private final TaskExecutor executor;
        private TaskHandle handle;
        private boolean cancelRequested;

        RunningTask(String title, boolean cancellable, TaskExecutor executor) {
            this.title = title;
            this.cancellable = cancellable;
            this.executor = executor;
        }

        public String title() {
            return title;
        }

        public boolean cancellable() {
            return cancellable;
        }

        /** From 0 to 1, or negative while the work cannot tell. */
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        /**
         * Asks the work to stop. The stop itself may talk to a server (a JDBC cancel opens a connection), so
         * it runs in the background; the task leaves the list when its work has ended.
         */
        public void cancel() {
            if (cancellable && !cancelRequested && handle != null) {
                cancelRequested = true;
                message.set("Cancelling…");
                TaskHandle h = handle;
                executor.execute(BackgroundTask.wrap(p -> {
                    h.cancel();
                    return null;
                }));
            }
        }

        @Override
        public String toString() {
            return title;
        }
    }

    private final TaskExecutor executor;
    private final ObservableList<RunningTask> tasks = FXCollections.observableArrayList();

    public TaskMonitor(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor);
    }

    public TaskExecutor executor() {
        return executor;
    }

    /** The tasks running now, oldest first. */
    public ObservableList<RunningTask> tasks() {
        return tasks;
    }

    /** Runs the task through the executor and lists it under {@code title} until it ends. */
    public <T> TaskHandle run(String title, BackgroundTask<T> task) {
        RunningTask entry = new RunningTask(title, task.cancellable(), executor);
        tasks.add(entry);
        BackgroundTask<T> listed = BackgroundTask.wrap(task.work())
                .onProgress((fraction, message) -> {
                    entry.progress.set(fraction);
                    if (message != null && !entry.cancelRequested) {
                        entry.message.set(message);
                    }
                    task.progressCallback().progress(fraction, message);
                })
                .onSuccess(value -> {
                    tasks.remove(entry);
                    task.successCallback().accept(value);
                })
                .onFailure(e -> {
                    tasks.remove(entry);
                    task.failureCallback().accept(e);
                })
                .onCancel(task.cancelCallback());
        entry.handle = executor.execute(listed);
        return entry.handle;
    }
}
