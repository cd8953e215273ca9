package dev.sextant.ui;

import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.config.ImportPreview;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/**
 * Export and import of saved connections. Import shows its preview inline, above the connection list,
 * and writes nothing until the user confirms; file and store work runs in the background.
 */
public final class ConnectionTransferBar extends VBox {

    private final Supplier<ConnectionCatalog> catalog;
    private final TaskExecutor executor;
    private final Consumer<List<ExternalDatabaseConfig>> onImported;
    private final Consumer<String> onStatus;

    /**
     * @param onImported receives the connections after an import, on the JavaFX thread
     * @param onStatus   receives a one-line outcome for the status bar
     */
    public ConnectionTransferBar(Supplier<ConnectionCatalog> catalog, TaskExecutor executor,
                                 Consumer<List<ExternalDatabaseConfig>> onImported, Consumer<String> onStatus) {
        super(6);
        this.catalog = catalog;
        this.executor = executor;
        this.onImported = onImported;
        this.onStatus = onStatus;
        getStyleClass().add("import-bar");
        setPadding(new Insets(8));
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    /** Asks where to save, then exports every connection there. */
    public void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export connections");
        chooser.setInitialFileName("sextant-connections.json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sextant connections (*.json)", "*.json"));
        java.io.File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Writes every saved connection (settings and env: references, never secrets) to {@code file}. */
    public void exportTo(Path file) {
        BackgroundTask.wrap(p -> {
            ConnectionCatalog saved = catalog.get();
            List<ExternalDatabaseConfig> all = saved.list();
            Files.writeString(file, saved.export(all));
            return all.size();
        }).onSuccess(n -> onStatus.accept("Exported " + n + (n == 1 ? " connection" : " connections") + " to " + file))
                .onFailure(e -> showError("Export failed", e))
                .executeWith(executor);
    }

    /** Asks for a file, then previews importing it. */
    public void chooseImportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import connections");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sextant connections (*.json)", "*.json"));
        java.io.File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            importFrom(file.toPath());
        }
    }

    /** Reads {@code file}, shows what importing it would add and replace, and imports it if confirmed. */
    public void importFrom(Path file) {
        BackgroundTask.wrap(p -> catalog.get().previewImport(Files.readString(file)))
                .onSuccess(this::confirmImport)
                .onFailure(e -> showError("Nothing was imported", e))
                .executeWith(executor);
    }

    /** The import's question, naming only what it does: "Import 2 new connections?", "Replace 1 existing connection?". */
    static String importQuestion(long added, long replaced) {
        String add = added + " new connection" + (added == 1 ? "" : "s");
        String replace = replaced + " existing connection" + (replaced == 1 ? "" : "s");
        if (replaced == 0) {
            return "Import " + add + "?";
        }
        if (added == 0) {
            return "Replace " + replace + "?";
        }
        return "Import " + added + " new and replace " + replace + "?";
    }

    /** Shows the preview inline above the connection list; nothing is written until the user confirms. */
    private void confirmImport(ImportPreview preview) {
        StringBuilder text = new StringBuilder();
        for (ImportPreview.Item item : preview.items()) {
            ExternalDatabaseConfig c = item.config();
            text.append(item.action() == ImportPreview.Action.ADD ? "Add " : "Replace ")
                    .append(c.folder().isEmpty() ? "" : c.folder() + " / ").append(c.name()).append(" (").append(c.type()).append(")\n");
        }
        Label header = new Label(importQuestion(preview.count(ImportPreview.Action.ADD), preview.count(ImportPreview.Action.REPLACE)),
                Icons.of(Feather.DOWNLOAD));
        header.setId("import-header");
        header.setWrapText(true);
        // the whole question, on as many lines as the side panel's width needs, never cut short
        header.setMinHeight(Region.USE_PREF_SIZE);
        header.getStyleClass().add("import-header");
        Label items = new Label(text.toString().strip());
        items.setId("import-items");
        items.setWrapText(true);
        Button apply = new Button("Import");
        apply.setId("import-confirm");
        apply.setDefaultButton(true);
        Button cancel = new Button("Cancel");
        cancel.setId("import-cancel");
        cancel.setOnAction(e -> setVisible(false));
        apply.setOnAction(e -> {
            setVisible(false);
            BackgroundTask.wrap(p -> {
                        ConnectionCatalog saved = catalog.get();
                        saved.applyImport(preview);
                        return saved.list();
                    })
                    .onSuccess(configs -> {
                        onImported.accept(configs);
                        onStatus.accept("Imported " + preview.items().size() + (preview.items().size() == 1 ? " connection" : " connections"));
                    })
                    .onFailure(e2 -> showError("Nothing was imported", e2))
                    .executeWith(executor);
        });
        HBox buttons = new HBox(6, apply, cancel);
        getChildren().setAll(header, items, buttons);
        setVisible(true);
        apply.requestFocus();
    }

    /** Says inline, where the preview would be, why nothing was exported or imported. */
    private void showError(String header, Throwable e) {
        Label title = new Label(header, Icons.of(Feather.ALERT_TRIANGLE));
        title.setId("transfer-error-title");
        title.getStyleClass().addAll("import-header", "danger");
        Label message = new Label(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        message.setId("transfer-error");
        message.setWrapText(true);
        Button close = new Button("Close");
        close.setOnAction(ev -> setVisible(false));
        getChildren().setAll(title, message, close);
        setVisible(true);
    }

}
