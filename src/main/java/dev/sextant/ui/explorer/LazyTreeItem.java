package dev.sextant.ui.explorer;

import dev.sextant.connector.ConnectorException;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import dev.sextant.ui.task.TaskMonitor;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;

/**
 * A tree row whose children are fetched in the background the first time it is expanded. While they
 * load it shows a "Loading…" row; a failure shows as an error row that retries on double-click.
 */
public final class LazyTreeItem extends TreeItem<ExplorerNode> {

    /** Fetches the children; runs off the JavaFX thread. */
    @FunctionalInterface
    public interface Loader {
        List<TreeItem<ExplorerNode>> load() throws Exception;
    }

    private final Loader loader;
    private final TaskExecutor executor;
    private final TaskMonitor tasks;
    private final String taskTitle;
    private final List<Runnable> whenLoaded = new ArrayList<>();
    private boolean loaded;
    private boolean loading;

    public LazyTreeItem(ExplorerNode node, Loader loader, TaskExecutor executor) {
        this(node, loader, executor, null, null);
    }

    /** A row whose loading is listed in the status bar's task list under {@code taskTitle}. */
    public LazyTreeItem(ExplorerNode node, Loader loader, TaskMonitor tasks, String taskTitle) {
        this(node, loader, tasks.executor(), tasks, taskTitle);
    }

    private LazyTreeItem(ExplorerNode node, Loader loader, TaskExecutor executor, TaskMonitor tasks, String taskTitle) {
        super(node);
        this.loader = loader;
        this.executor = executor;
        this.tasks = tasks;
        this.taskTitle = taskTitle;
        expandedProperty().addListener((obs, was, expanded) -> {
            if (expanded) {
                loadIfNeeded();
            }
        });
    }

    @Override
    public boolean isLeaf() {
        return false;
    }

    public boolean isLoaded() {
        return loaded;
    }

    void loadIfNeeded() {
        if (!loaded && !loading) {
            reload();
        }
    }

    /** Runs {@code then} once the children are loaded (at once if they are); a failed load drops it. */
    void whenLoaded(Runnable then) {
        if (loaded) {
            then.run();
        } else {
            whenLoaded.add(then);
            loadIfNeeded();
        }
    }

    /** Fetches the children again (after an error, or on refresh). */
    public void reload() {
        loading = true;
        loaded = false;
        getChildren().setAll(List.of(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.LOADING, null, "Loading…", "", null))));
        BackgroundTask<List<TreeItem<ExplorerNode>>> task = BackgroundTask.wrap(p -> loader.load())
                .onSuccess(children -> {
                    loading = false;
                    loaded = true;
                    getChildren().setAll(children.isEmpty()
                            ? List.of(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.EMPTY, null, "(empty)", "", null)))
                            : children);
                    List<Runnable> waiting = List.copyOf(whenLoaded);
                    whenLoaded.clear();
                    waiting.forEach(Runnable::run);
                })
                .onFailure(e -> {
                    loading = false;
                    whenLoaded.clear();
                    String message = e instanceof ConnectorException ce ? ce.getMessage()
                            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    getChildren().setAll(List.of(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.ERROR, null,
                            message, "double-click to retry", this))));
                });
        if (tasks != null && taskTitle != null) {
            tasks.run(taskTitle, task);
        } else {
            task.executeWith(executor);
        }
    }
}
