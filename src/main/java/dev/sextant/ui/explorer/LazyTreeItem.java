package dev.sextant.ui.explorer;

import dev.sextant.connector.ConnectorException;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
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
    private boolean loaded;
    private boolean loading;

    public LazyTreeItem(ExplorerNode node, Loader loader, TaskExecutor executor) {
        super(node);
        this.loader = loader;
        this.executor = executor;
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

    /** Fetches the children again (after an error, or on refresh). */
    public void reload() {
        loading = true;
        loaded = false;
        getChildren().setAll(List.of(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.LOADING, null, "Loading…", "", null))));
        BackgroundTask.wrap(p -> loader.load())
                .onSuccess(children -> {
                    loading = false;
                    loaded = true;
                    getChildren().setAll(children.isEmpty()
                            ? List.of(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.EMPTY, null, "(empty)", "", null)))
                            : children);
                })
                .onFailure(e -> {
                    loading = false;
                    String message = e instanceof ConnectorException ce ? ce.getMessage()
                            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    getChildren().setAll(List.of(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.ERROR, null,
                            message, "double-click to retry", this))));
                })
                .executeWith(executor);
    }
}
