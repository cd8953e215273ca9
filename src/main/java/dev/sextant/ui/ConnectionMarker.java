package dev.sextant.ui;

import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/**
 * Marks an editor tab with its connection: the connection's colour as a chip, and for a production
 * connection a red "PROD" badge and the {@code production-tab} style class. Set by the window on every
 * tab it opens, so the tab itself needs no knowledge of connection kinds.
 */
public final class ConnectionMarker {

    /** The key under which a tab keeps the id of its connection (for the window state). */
    public static final String CONFIG_ID = "sextant.configId";

    private ConnectionMarker() {
    }

    public static void mark(Tab tab, ExternalDatabaseConfig config) {
        tab.getProperties().put(CONFIG_ID, config.id());
        HBox graphic = new HBox(4);
        graphic.setAlignment(Pos.CENTER_LEFT);
        if (config.color() != null) {
            Region chip = new Region();
            chip.getStyleClass().add("color-chip");
            chip.setStyle("-fx-background-color: " + config.color() + ";");
            graphic.getChildren().add(chip);
        }
        if (config.kind() == ConnectionKind.PRODUCTION) {
            Label badge = new Label("PROD", Icons.of(Feather.ALERT_OCTAGON));
            badge.getStyleClass().addAll("kind-badge", "kind-production", "tab-production-badge");
            graphic.getChildren().add(badge);
            if (!tab.getStyleClass().contains("production-tab")) {
                tab.getStyleClass().add("production-tab");
            }
        } else {
            graphic.getChildren().add(Icons.of(Feather.FILE_TEXT));
        }
        tab.setGraphic(graphic);
    }
}
