package dev.sextant.ui;

import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Puts a pane's children in the scene only when the pane is first shown. JavaFX styles every node of the
 * scene and makes every control's skin when a window is first shown, hidden or not; a part of the window
 * that stays hidden until the user asks for it (find object, the running tasks) need not cost that before
 * the main window appears.
 */
public final class ShownLater {

    private ShownLater() {
    }

    /**
     * Adds {@code children} to {@code pane} now if it is visible, else the first time it becomes visible.
     * The children are made by the caller and can be set up, bound and listened to before they are added.
     */
    public static void children(Pane pane, Node... children) {
        List<Node> parts = List.of(children);
        if (pane.isVisible()) {
            pane.getChildren().setAll(parts);
            return;
        }
        pane.visibleProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> observable, Boolean was, Boolean visible) {
                if (visible) {
                    observable.removeListener(this);
                    pane.getChildren().setAll(parts);
                }
            }
        });
    }
}
