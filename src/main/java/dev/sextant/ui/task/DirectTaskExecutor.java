package dev.sextant.ui.task;

/** Runs the work and its callbacks at once on the calling thread; for tests of view models. */
public final class DirectTaskExecutor implements TaskExecutor {

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        try {
            T result = task.work().run(task.progressCallback());
            task.successCallback().accept(result);
        } catch (Exception e) {
            task.failureCallback().accept(e);
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                // already finished
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }
}
