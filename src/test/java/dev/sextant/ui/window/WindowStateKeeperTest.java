package dev.sextant.ui.window;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.sextant.ui.task.FxTaskExecutor;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Follow the system" on an open window: the system's appearance is read again (here from a stand-in for
 * the OS setting) and a change reaches the window without a restart.
 */
@ExtendWith(ApplicationExtension.class)
class WindowStateKeeperTest {

    private static final String LIGHT = new PrimerLight().getUserAgentStylesheetBSS();
    private static final String DARK = new PrimerDark().getUserAgentStylesheetBSS();

    /** How often the keeper reads the system again here (30 s in the app). */
    private static final int WATCH_MS = 250;

    private final AtomicReference<Optional<Boolean>> system = new AtomicReference<>(Optional.of(false));
    private final AtomicInteger reads = new AtomicInteger();
    private FxTaskExecutor executor;
    private Stage stage;
    private WindowStateKeeper keeper;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new FxTaskExecutor();
        stage.setScene(new Scene(new Label("window"), 300, 200));
        stage.show();
        keeper = new WindowStateKeeper(new WindowStateKeeper.Host() {
            @Override
            public Stage stage() {
                return stage;
            }

            @Override
            public WindowState capture(Stage s) {
                return null;
            }

            @Override
            public void apply(WindowState state) {
            }
        }, () -> null, executor, () -> {
            reads.incrementAndGet();
            return system.get();
        }, Duration.millis(WATCH_MS));
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    private static void waitForLook(String stylesheet) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stylesheet.equals(Application.getUserAgentStylesheet()));
    }

    @Test
    void aChangeOfTheSystemsAppearanceReachesTheOpenWindow(FxRobot robot) throws Exception {
        robot.interact(keeper::restoreOnce);
        waitForLook(LIGHT);
        assertThat(keeper.theme()).isEqualTo(Theme.SYSTEM);

        // the user switches the system to dark while Sextant is open, and comes back to its window
        system.set(Optional.of(true));
        robot.interact(keeper::recheckSystem);
        waitForLook(DARK);

        // a system that stops saying anything leaves the look alone
        system.set(Optional.empty());
        int before = reads.get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> reads.get() > before + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(DARK);

        // without anything happening in the window, the system is read again every interval
        system.set(Optional.of(false));
        waitForLook(LIGHT);
        assertThat(reads.get()).isGreaterThan(before + 1);
    }

    @Test
    void aChosenThemeIsNotOverriddenByTheSystem(FxRobot robot) throws Exception {
        robot.interact(keeper::restoreOnce);
        waitForLook(LIGHT);
        robot.interact(() -> keeper.chooseTheme(Theme.LIGHT));

        system.set(Optional.of(true));
        int before = reads.get();
        robot.interact(keeper::recheckSystem);
        WaitForAsyncUtils.sleep(4 * WATCH_MS, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reads.get()).as("a chosen theme does not even ask the system").isEqualTo(before);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(LIGHT);
    }
}
