package dev.sextant.testing;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Like {@link Snapshots}, with the popups that show over the window (autocomplete lists, menus) drawn
 * where they are: a scene snapshot alone leaves them out. Call on the FX thread.
 */
public final class PopupSnapshots {

    private PopupSnapshots() {
    }

    private static BufferedImage image(WritableImage fx) {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = fx.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }

    public static Path save(Scene scene, String name) {
        BufferedImage out = image(scene.snapshot(null));
        Graphics2D g = out.createGraphics();
        Window owner = scene.getWindow();
        for (Window w : Window.getWindows()) {
            if (w instanceof PopupWindow && w.isShowing() && w.getScene() != null) {
                BufferedImage popup = image(w.getScene().snapshot(null));
                int x = (int) Math.round(w.getX() - owner.getX() - scene.getX());
                int y = (int) Math.round(w.getY() - owner.getY() - scene.getY());
                g.drawImage(popup, x, y, null);
            }
        }
        g.dispose();
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
