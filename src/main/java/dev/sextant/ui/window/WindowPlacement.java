package dev.sextant.ui.window;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where a window saved at some place and size goes now that the screens may have changed: a laptop taken
 * off its large monitor, a screen set to another resolution. The window goes on the screen it overlaps most
 * (the primary one when it overlaps none), no larger than that screen's usable area and moved just enough
 * to lie wholly inside it, so that its title bar and its status bar can both be reached.
 */
public final class WindowPlacement {

    private WindowPlacement() {
    }

    /**
     * @param saved   the window's saved bounds
     * @param screens the usable area of each screen (without task bars and docks), the primary one first
     * @return the bounds to give the window, or empty when there is no screen to place it on
     */
    public static Optional<Rectangle2D> fit(Rectangle2D saved, List<Rectangle2D> screens) {
        if (screens.isEmpty()) {
            return Optional.empty();
        }
        Rectangle2D screen = screens.stream()
                .filter(s -> overlap(s, saved) > 0)
                .max(Comparator.comparingDouble(s -> overlap(s, saved)))
                .orElse(null);
        boolean center = screen == null;
        if (center) {
            screen = screens.get(0);
        }
        double width = Math.min(saved.getWidth(), screen.getWidth());
        double height = Math.min(saved.getHeight(), screen.getHeight());
        double x = center ? screen.getMinX() + (screen.getWidth() - width) / 2
                : clamp(saved.getMinX(), screen.getMinX(), screen.getMaxX() - width);
        double y = center ? screen.getMinY() + (screen.getHeight() - height) / 3
                : clamp(saved.getMinY(), screen.getMinY(), screen.getMaxY() - height);
        return Optional.of(new Rectangle2D(x, y, width, height));
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, max));
    }
}
