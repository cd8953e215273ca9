package dev.sextant.ui.connections;

import dev.sextant.config.ExternalDatabaseConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens connection forms in windows of their own beside the main window, one per connection (asking to
 * edit a connection whose form is open brings that form to the front). Closing a form stops its test.
 */
public final class ConnectionFormWindow {

    private static final String NEW = "";
    private final Map<String, Stage> open = new HashMap<>();

    /**
     * @param onSaved     receives the saved config on the JavaFX thread
     * @param afterUpdate runs in the background after a saved connection changed (old and new config)
     */
    public Stage open(Window owner, ConnectionFormModel model, List<String> folders, Consumer<ExternalDatabaseConfig> onSaved,
                      BiConsumer<ExternalDatabaseConfig, ExternalDatabaseConfig> afterUpdate, String editingId) {
        String key = editingId == null ? NEW + System.identityHashCode(model) : editingId;
        Stage existing = open.get(key);
        if (existing != null) {
            existing.toFront();
            existing.requestFocus();
            return existing;
        }
        Stage stage = new Stage();
        Runnable close = () -> {
            model.test().cancel();
            open.remove(key);
            stage.close();
        };
        ConnectionForm form = new ConnectionForm(model, () -> model.save(saved -> {
            onSaved.accept(saved);
            close.run();
        }, afterUpdate), close);
        form.setKnownFolders(folders);
        Scene scene = new Scene(form, 680, 760);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            stage.initOwner(owner);
        }
        stage.setScene(scene);
        stage.setTitle((model.isNew() ? "New connection" : "Edit " + model.nameProperty().get()) + " · Sextant");
        stage.setMinWidth(560);
        stage.setMinHeight(480);
        stage.setOnCloseRequest(e -> {
            model.test().cancel();
            open.remove(key);
        });
        if (owner != null) {
            stage.getIcons().setAll(owner instanceof Stage s ? s.getIcons() : List.of());
        }
        open.put(key, stage);
        stage.show();
        return stage;
    }
}
