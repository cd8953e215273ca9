package dev.sextant.ui.task;

import dev.sextant.ui.Icons;
import dev.sextant.ui.ShownLater;
import dev.sextant.ui.Tips;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The status bar's view of running tasks: the oldest with its progress and a stop button, and when
 * more run, a menu that lists each with its own progress and stop button. Hidden while nothing runs.
 */
public final class TaskStatusView extends HBox {

    private final TaskMonitor monitor;
    private final Label title = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button stop = new Button(null, Icons.of(Feather.X));
    private final MenuButton all = new MenuButton();

    public TaskStatusView(TaskMonitor monitor) {
        super(6);
        this.monitor = monitor;
        setId("task-status");
        getStyleClass().add("task-status");
        setAlignment(Pos.CENTER_LEFT);
        title.setId("task-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        progress.setPrefWidth(120);
        stop.setId("task-cancel");
        stop.getStyleClass().addAll("flat", "small", "button-icon");
        Tips.set(stop, "Stop this task");
        all.setId("task-list");
        all.getStyleClass().addAll("flat", "small");
        Tips.set(all, "Every running task");
        managedProperty().bind(visibleProperty());
        monitor.tasks().addListener((ListChangeListener<TaskMonitor.RunningTask>) change -> update());
        update();
        ShownLater.children(this, progress, title, stop, all);
    }

    private void update() {
        setVisible(!monitor.tasks().isEmpty());
        if (monitor.tasks().isEmpty()) {
            progress.progressProperty().unbind();
            return;
        }
        TaskMonitor.RunningTask first = monitor.tasks().get(0);
        title.textProperty().unbind();
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> first.title() + (first.messageProperty().get().isEmpty() ? "" : " · " + first.messageProperty().get()),
                first.messageProperty()));
        progress.progressProperty().unbind();
        progress.progressProperty().bind(first.progressProperty());
        stop.setVisible(first.cancellable());
        stop.setManaged(first.cancellable());
        stop.setOnAction(e -> first.cancel());
        int more = monitor.tasks().size() - 1;
        all.setVisible(more > 0);
        all.setManaged(more > 0);
        all.setText("+" + more + (more == 1 ? " task" : " tasks"));
        all.getItems().clear();
        for (TaskMonitor.RunningTask task : monitor.tasks()) {
            all.getItems().add(row(task));
        }
    }

    private static CustomMenuItem row(TaskMonitor.RunningTask task) {
        Label name = new Label(task.title());
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        message.getStyleClass().add("text-muted");
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(task.progressProperty());
        bar.setPrefWidth(220);
        Button cancel = new Button("Stop", Icons.of(Feather.X));
        cancel.getStyleClass().add("small");
        cancel.setDisable(!task.cancellable());
        cancel.setOnAction(e -> task.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, name, spacer, cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, top, bar, message);
        box.setPrefWidth(280);
        CustomMenuItem item = new CustomMenuItem(box, false);
        return item;
    }
}
