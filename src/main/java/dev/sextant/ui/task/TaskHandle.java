package dev.sextant.ui.task;

/** A running {@link BackgroundTask}: lets the user stop it. */
public interface TaskHandle {

    /** Asks the work to stop (through its cancel hook); its failure callback then reports the cancel. */
    void cancel();

    boolean isDone();
}
