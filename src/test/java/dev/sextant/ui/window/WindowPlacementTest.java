package dev.sextant.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 740);
    /** A monitor to the right of the laptop. */
    private static final Rectangle2D MONITOR = new Rectangle2D(1366, 0, 2560, 1400);

    private static Rectangle2D fit(Rectangle2D saved, Rectangle2D... screens) {
        return WindowPlacement.fit(saved, List.of(screens)).orElseThrow();
    }

    @Test
    void aWindowThatFitsStaysWhereItWas() {
        Rectangle2D saved = new Rectangle2D(100, 50, 1000, 600);
        assertThat(fit(saved, LAPTOP, MONITOR)).isEqualTo(saved);
        Rectangle2D onMonitor = new Rectangle2D(2000, 200, 1600, 900);
        assertThat(fit(onMonitor, LAPTOP, MONITOR)).isEqualTo(onMonitor);
    }

    @Test
    void aWindowHangingOffTheScreenIsMovedBackWholly() {
        // saved on a taller screen: its lower part, with the status bar, would be out of reach
        assertThat(fit(new Rectangle2D(0, 75, 1280, 800), new Rectangle2D(0, 0, 1280, 800)))
                .isEqualTo(new Rectangle2D(0, 0, 1280, 800));
        assertThat(fit(new Rectangle2D(-300, 600, 800, 500), LAPTOP)).isEqualTo(new Rectangle2D(0, 240, 800, 500));
    }

    @Test
    void aWindowLargerThanItsScreenIsMadeToFit() {
        assertThat(fit(new Rectangle2D(0, 0, 2400, 1300), LAPTOP)).isEqualTo(LAPTOP);
    }

    @Test
    void aWindowGoesToTheScreenItOverlapsMost() {
        // mostly on the monitor, a little on the laptop
        Rectangle2D saved = new Rectangle2D(1200, 100, 1200, 800);
        Rectangle2D placed = fit(saved, LAPTOP, MONITOR);
        assertThat(MONITOR.contains(placed)).as("%s on the monitor", placed).isTrue();
        assertThat(placed).isEqualTo(new Rectangle2D(1366, 100, 1200, 800));
    }

    @Test
    void aWindowLeftOnAScreenThatIsGoneIsCentredOnThePrimaryScreen() {
        Rectangle2D placed = fit(new Rectangle2D(2000, 200, 1600, 900), LAPTOP);
        assertThat(placed.getWidth()).isEqualTo(1366);
        assertThat(placed.getHeight()).isEqualTo(740);
        assertThat(LAPTOP.contains(placed)).isTrue();
        Rectangle2D small = fit(new Rectangle2D(5000, 5000, 800, 600), LAPTOP);
        assertThat(small).isEqualTo(new Rectangle2D(283, 140 / 3.0, 800, 600));
    }

    @Test
    void withoutScreensThereIsNothingToSay() {
        assertThat(WindowPlacement.fit(new Rectangle2D(0, 0, 800, 600), List.of())).isEmpty();
    }
}
