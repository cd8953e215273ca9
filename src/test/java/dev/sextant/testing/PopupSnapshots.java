package dev.sextant.testing;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * Like {@link Snapshots}, with the popups that show over the window (autocomplete lists, menus) drawn
 * where they are: a scene snapshot alone leaves them out. Call on the FX thread.
 */
public final class PopupSnapshots {

    private PopupSnapshots() {
    }

    public static Path save(Scene scene, String name) {
        BufferedImage out = Snapshots.image(scene.snapshot(null));
        Graphics2D g = out.createGraphics();
        Window owner = scene.getWindow();
        for (Window w : Window.getWindows()) {
            if (w instanceof PopupWindow && w.isShowing() && w.getScene() != null) {
                BufferedImage popup = Snapshots.image(w.getScene().snapshot(null));
                int x = (int) Math.round(w.getX() - owner.getX() - scene.getX());
                int y = (int) Math.round(w.getY() - owner.getY() - scene.getY());
                g.drawImage(popup, x, y, null);
            }
        }
        g.dispose();
        return Snapshots.write(out, name);
    }
}
