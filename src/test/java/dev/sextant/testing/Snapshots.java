package dev.sextant.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves what a test drew to target/screenshots, so a person can look at it. Call on the FX thread. */
public final class Snapshots {

    private Snapshots() {
    }

    public static Path save(Scene scene, String name) {
        return write(scene.snapshot(null), name);
    }

    /** One part of a window, drawn whole even where a scroll pane shows only some of it. */
    public static Path save(javafx.scene.Node node, String name) {
        javafx.scene.SnapshotParameters parameters = new javafx.scene.SnapshotParameters();
        parameters.setFill(javafx.scene.paint.Color.TRANSPARENT);
        return write(node.snapshot(parameters, null), name);
    }

    private static Path write(WritableImage image, String name) {
        return write(image(image), name);
    }

    /** A JavaFX image as an AWT one, pixel for pixel, to write it or draw on it. */
    static BufferedImage image(WritableImage fx) {
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

    /** Writes {@code target/screenshots/<name>.png}. */
    static Path write(BufferedImage image, String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
