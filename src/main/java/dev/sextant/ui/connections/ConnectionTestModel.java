package dev.sextant.ui.connections;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.TestStage;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskHandle;
import dev.sextant.ui.task.TaskMonitor;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One run of a connector's staged connection test, for the form's report: the stages as they end, the
 * outcome, and the report as text for a ticket. The test runs in the background and is listed in the
 * status bar; {@link #cancel()} ends it at once. Use on the JavaFX thread.
 */
public final class ConnectionTestModel {

    /** Where the test stands. */
    public enum Outcome { NOT_RUN, RUNNING, PASSED, FAILED, CANCELLED }

    private final TaskMonitor tasks;
    private final ObservableList<TestStage> stages = FXCollections.observableArrayList();
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.NOT_RUN);
    private final ObjectProperty<ConnectionTestReport> report = new SimpleObjectProperty<>();
    private String subject = "";
    private TaskHandle handle;
    private volatile BaseDBConnector running;
    private volatile boolean cancelRequested;

    public ConnectionTestModel(TaskMonitor tasks) {
        this.tasks = tasks;
    }

    public ObservableList<TestStage> stages() {
        return stages;
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public Outcome outcome() {
        return outcome.get();
    }

    /** The finished test's report (its summary: server version, user, read-only, latency), or null. */
    public ReadOnlyObjectProperty<ConnectionTestReport> reportProperty() {
        return report;
    }

    /**
     * Starts the test of the connector {@code factory} builds (in the background: building it may read the
     * keychain).
     *
     * @param subject the connection's name and type, for the task list and the copied text
     */
    public void run(String subject, Callable<BaseDBConnector> factory) {
        if (outcome.get() == Outcome.RUNNING) {
            return;
        }
        this.subject = subject;
        cancelRequested = false;
        stages.clear();
        report.set(null);
        outcome.set(Outcome.RUNNING);
        handle = tasks.run("Testing " + subject, BackgroundTask.wrap(p -> {
                    try (BaseDBConnector connector = factory.call()) {
                        running = connector;
                        if (cancelRequested) {
                            connector.cancel();
                        }
                        return connector.testConnection(stage -> tasks.executor().runOnUiThread(() -> {
                            if (outcome.get() == Outcome.RUNNING && !stages.contains(stage)) {
                                stages.add(stage);
                            }
                        }));
                    } finally {
                        running = null;
                    }
                })
                .onCancel(() -> {
                    cancelRequested = true;
                    BaseDBConnector c = running;
                    if (c != null) {
                        c.cancel();
                    }
                })
                .onSuccess(done -> {
                    stages.setAll(done.stages());
                    report.set(done);
                    outcome.set(done.passed() ? Outcome.PASSED : cancelRequested ? Outcome.CANCELLED : Outcome.FAILED);
                })
                .onFailure(e -> {
                    stages.setAll(new TestStage("Prepare the connection", false, java.time.Duration.ZERO,
                            ConnectionsModel.message(e)));
                    outcome.set(cancelRequested ? Outcome.CANCELLED : Outcome.FAILED);
                }));
    }

    /** Ends a running test; the stage it was in is reported as cancelled. */
    public void cancel() {
        TaskHandle h = handle;
        if (outcome.get() == Outcome.RUNNING && h != null) {
            cancelRequested = true;
            // a cancel may talk to the network, so it leaves the JavaFX thread
            tasks.executor().execute(BackgroundTask.wrap(p -> {
                h.cancel();
                return null;
            }));
        }
    }

    /** The report as plain text for a ticket: what was tested, when, each stage and the summary. Holds no secret. */
    public String asText() {
        StringBuilder sb = new StringBuilder("Sextant connection test: ").append(subject).append('\n')
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(java.util.Locale.ROOT)))
                .append("\n\n");
        ConnectionTestReport done = report.get();
        if (done != null) {
            sb.append(done.asText());
        } else {
            stages.forEach(s -> sb.append(s.passed() ? "[ok]   " : "[FAIL] ").append(s.name()).append(": ").append(s.message()).append('\n'));
        }
        if (outcome.get() == Outcome.CANCELLED) {
            sb.append("The test was cancelled.\n");
        }
        return sb.toString();
    }
}
