package dev.sextant.ui.connections;

import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.TestStage;
import dev.sextant.ui.Icons;
import dev.sextant.ui.window.MonoFont;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The connection test's report: each stage with a mark, its time and what it found or what to fix, a
 * "Testing…" row while it runs, the summary once it passed, and a button that copies it all as text.
 */
public final class ConnectionTestView extends VBox {

    private final ConnectionTestModel model;
    private final VBox stages = new VBox(2);
    private final HBox runningRow;
    private final GridPane summary = new GridPane();
    private final Label outcome = new Label();

    public ConnectionTestView(ConnectionTestModel model) {
        super(8);
        this.model = model;
        setId("test-report");
        getStyleClass().add("test-report");
        MonoFont.use(this);
        setPadding(new Insets(10, 12, 10, 12));

        Label title = new Label("Connection test", Icons.of(Feather.ACTIVITY));
        title.getStyleClass().add("form-section-title");
        outcome.setId("test-outcome");
        outcome.getStyleClass().add("test-outcome");
        Button copy = new Button("Copy as text", Icons.of(Feather.CLIPBOARD));
        copy.setId("copy-report");
        copy.getStyleClass().addAll("small", "flat");
        copy.setTooltip(new Tooltip("Copy the report for a ticket (it holds no password)"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.asText());
            Clipboard.getSystemClipboard().setContent(content);
            outcome.setText(outcome.getText().replace(" · copied", "") + " · copied");
        });
        copy.disableProperty().bind(model.outcomeProperty().isEqualTo(ConnectionTestModel.Outcome.RUNNING));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, outcome, spacer, copy);
        header.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(14, 14);
        Label testing = new Label("Testing…");
        testing.getStyleClass().add("text-muted");
        runningRow = new HBox(8, spinner, testing);
        runningRow.setAlignment(Pos.CENTER_LEFT);
        runningRow.setPadding(new Insets(2, 0, 2, 2));

        summary.setId("test-summary");
        summary.setHgap(12);
        summary.setVgap(2);
        summary.getColumnConstraints().addAll(new ColumnConstraints(110), new ColumnConstraints());

        getChildren().setAll(header, stages, summary);
        managedProperty().bind(visibleProperty());
        model.stages().addListener((ListChangeListener<TestStage>) c -> refresh());
        model.outcomeProperty().addListener((o, a, b) -> refresh());
        model.reportProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        setVisible(model.outcome() != ConnectionTestModel.Outcome.NOT_RUN);
        stages.getChildren().clear();
        for (TestStage stage : model.stages()) {
            stages.getChildren().add(row(stage));
        }
        if (model.outcome() == ConnectionTestModel.Outcome.RUNNING) {
            stages.getChildren().add(runningRow);
        }
        summary.getChildren().clear();
        ConnectionTestReport report = model.reportProperty().get();
        if (report != null && report.passed()) {
            int r = 0;
            for (var entry : report.summary().entrySet()) {
                Label key = new Label(entry.getKey());
                key.getStyleClass().add("text-muted");
                Label value = new Label(entry.getValue());
                value.setWrapText(true);
                value.getStyleClass().add("summary-value");
                summary.addRow(r++, key, value);
            }
        }
        outcome.getStyleClass().removeAll("success", "danger", "warning");
        switch (model.outcome()) {
            case RUNNING -> outcome.setText("running");
            case PASSED -> {
                outcome.setText("works · " + report.totalTime().toMillis() + " ms");
                outcome.getStyleClass().add("success");
            }
            case FAILED -> {
                TestStage last = model.stages().isEmpty() ? null : model.stages().get(model.stages().size() - 1);
                outcome.setText("failed" + (last == null ? "" : " at " + last.name()));
                outcome.getStyleClass().add("danger");
            }
            case CANCELLED -> {
                outcome.setText("cancelled");
                outcome.getStyleClass().add("warning");
            }
            default -> outcome.setText("");
        }
    }

    private static VBox row(TestStage stage) {
        Label mark = new Label(null, Icons.of(stage.passed() ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
        mark.getStyleClass().add(stage.passed() ? "stage-passed" : "stage-failed");
        Label name = new Label(stage.name());
        name.getStyleClass().add("stage-name");
        Label time = new Label(stage.duration().toMillis() + " ms");
        time.getStyleClass().addAll("text-muted", "stage-time");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, mark, name, spacer, time);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(1, top);
        if (!stage.message().isEmpty()) {
            Label message = new Label(stage.message());
            message.setWrapText(true);
            message.getStyleClass().addAll("stage-message", stage.passed() ? "text-muted" : "stage-problem");
            message.setPadding(new Insets(0, 0, 0, 24));
            box.getChildren().add(message);
        }
        box.getStyleClass().addAll("test-stage", stage.passed() ? "passed" : "failed");
        box.setPadding(new Insets(2, 0, 2, 2));
        box.setUserData(stage);
        return box;
    }
}
