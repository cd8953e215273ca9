package dev.sextant.ui;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.query.SchemaCache;
import dev.sextant.schema.Table;
import dev.sextant.ui.connections.ConnectionFormModel;
import dev.sextant.ui.connections.ConnectionsModel;
import dev.sextant.ui.connections.ConnectionsPanel;
import dev.sextant.ui.explorer.ExplorerPanel;
import dev.sextant.ui.task.TaskMonitor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The left side of the main window: the connections panel (with the import preview above it) and, below,
 * the schema explorer of the selected connection. Opening a connection (double-click, Enter, Connect)
 * connects it and refreshes its tree; selecting one shows its tree at once from the cache.
 */
public final class SidePanel extends SplitPane {

    private final ConnectionsModel model;
    private final ConnectionsPanel connections;
    private final ExplorerPanel explorer;
    private final ConnectionTransferBar transfer;

    /**
     * @param openTable opens a query tab on a table (double-click in the tree)
     * @param openQuery opens a query tab with SQL and runs it
     * @param onStatus  a one-line outcome for the status bar
     */
    public SidePanel(UiContext context, TaskMonitor tasks, BiConsumer<ExternalDatabaseConfig, Table> openTable,
                     BiConsumer<ExternalDatabaseConfig, String> openQuery, Consumer<String> onStatus) {
        setId("side-panel");
        getStyleClass().add("side-panel");
        setOrientation(Orientation.VERTICAL);
        this.model = new ConnectionsModel(context.catalog(), context.uiState(), context.workspace(), tasks);
        this.explorer = new ExplorerPanel(context.workspace(), tasks, context.schemaCache(), new ExplorerPanel.Host() {
            @Override
            public void openTable(ExternalDatabaseConfig config, Table table) {
                openTable.accept(config, table);
            }

            @Override
            public void openQuery(ExternalDatabaseConfig config, String sql) {
                openQuery.accept(config, sql);
            }

            @Override
            public void connectionChanged(ExternalDatabaseConfig config, Throwable error) {
                if (error == null) {
                    model.markConnected(config);
                } else {
                    model.markFailed(config, error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
                }
            }
        });
        this.connections = new ConnectionsPanel(model,
                config -> new ConnectionFormModel(context.workspace().registry(), context.catalog(), context.workspace(), tasks, config),
                (before, after) -> {
                    // runs in the background: when the settings point elsewhere, the old connection and scans no longer apply
                    if (!ConnectionTarget.changed(context.workspace().registry(), before, after)) {
                        return;
                    }
                    context.workspace().disconnect(before);
                    SchemaCache cache = context.schemaCache().get();
                    if (cache != null) {
                        cache.forget(after.id());
                    }
                    tasks.executor().runOnUiThread(() -> {
                        model.states().remove(after.id());
                        explorer.tree().forget(after);
                    });
                },
                this::open);
        this.transfer = new ConnectionTransferBar(context.catalog(), tasks.executor(), model::setAll, onStatus);
        model.selectedProperty().addListener((o, old, config) -> explorer.show(config));

        VBox top = new VBox(transfer, connections);
        VBox.setVgrow(connections, Priority.ALWAYS);
        getItems().setAll(top, explorer);
        setDividerPositions(0.3);
        SplitPane.setResizableWithParent(top, false);
    }

    /** Selects a connection, connects it and reads its schema again ("refresh on connect"). */
    public void open(ExternalDatabaseConfig config) {
        model.select(config);
        model.connect(config, () -> {
            if (model.selected() != null && model.selected().id().equals(config.id())) {
                explorer.tree().refresh();
            }
        }, reason -> {
            if (model.selected() != null && model.selected().id().equals(config.id())) {
                explorer.tree().problemProperty().set("Could not connect: " + reason);
            }
        });
    }

    public ConnectionsModel model() {
        return model;
    }

    public ConnectionsPanel connections() {
        return connections;
    }

    public ExplorerPanel explorer() {
        return explorer;
    }

    public ConnectionTransferBar transfer() {
        return transfer;
    }
}
