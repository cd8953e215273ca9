package dev.sextant.ui;

import atlantafx.base.theme.PrimerLight;
import dev.sextant.ui.task.FxTaskExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: one main window. Started by the composition root through {@link #launch}.
 *
 * <p>It logs how long after the JVM's start the main window was shown, the figure the start-up benchmark
 * reads. With the system property {@value #CLOSE_WHEN_STARTED} set to true it closes again once the
 * start-up work has finished: packaging uses that to record which classes a start loads (for the
 * class-data-sharing archive) and CI to prove that the packaged app starts.
 */
public final class SextantApplication extends Application {

    public static final String CLOSE_WHEN_STARTED = "sextant.closeWhenStarted";
    private static final Logger LOG = LoggerFactory.getLogger(SextantApplication.class);
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static volatile UiContext pending;
    private static volatile Runnable whenShown = () -> { };
    private static volatile int exitStatus;

    private FxTaskExecutor executor;
    private MainWindow window;

    /**
     * Starts JavaFX and blocks until the last window closes.
     *
     * @param shown run on the JavaFX thread once the main window is shown (the launcher sees to a start
     *              that ends without showing it)
     * @return the exit status: 0, or 1 when the app closed itself after its start-up work failed
     */
    public static int launch(UiContext context, Runnable shown) {
        pending = Objects.requireNonNull(context);
        whenShown = Objects.requireNonNull(shown);
        exitStatus = 0;
        Application.launch(SextantApplication.class);
        return exitStatus;
    }

    @Override
    public void start(Stage stage) {
        UiContext context = Objects.requireNonNull(pending, "launch(UiContext) was not called");
        Icons.prepareInBackground();
        // The theme first: the first control class made otherwise loads JavaFX's own theme, only to drop it.
        useLightTheme();
        executor = new FxTaskExecutor();
        window = new MainWindow(context, executor);
        stage.setScene(createScene(window));
        stage.setTitle("Sextant");
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.show();
        logShown();
        whenShown.run();
        // The desktop takes the window's icons as well once it is shown; decoding them is not worth a wait.
        addIconsInBackground(stage);
        boolean close = Boolean.getBoolean(CLOSE_WHEN_STARTED);
        window.start(error -> {
            if (error == null) {
                LOG.info("Start-up work done at {}, {} ms after JVM start; listing the connections", clock(), sinceJvmStart());
            }
            if (close) {
                closeWhenStarted(stage, error);
            }
        });
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * The time of day now, to the millisecond. Lines logged before logging is set up (which waits for the
     * window) are written later, stamped with the time of writing: the start-up lines carry their own.
     */
    private static String clock() {
        return LocalTime.now().format(CLOCK);
    }

    /**
     * Logs the time from the JVM's start until now, and the processor time the process has used so far,
     * which a busy machine disturbs less than the elapsed time. (The process's start time would also count
     * the native launcher, but Linux reports it only to the second.)
     */
    private static void logShown() {
        long elapsed = sinceJvmStart();
        String cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> ", " + d.toMillis() + " ms of CPU").orElse("");
        // a launcher whose class archive no longer fits starts without any, silently: say so here
        String sharing = System.getProperty("java.vm.info", "").contains("sharing") ? "" : " (class-data sharing off)";
        LOG.info("Main window shown at {}, {} ms after JVM start{}{}", clock(), elapsed, cpu, sharing);
    }

    private static void closeWhenStarted(Stage stage, Throwable error) {
        if (error == null) {
            LOG.info("Start-up finished; closing as {} asks", CLOSE_WHEN_STARTED);
        } else {
            LOG.error("Start-up failed; closing as {} asks", CLOSE_WHEN_STARTED, error);
            exitStatus = 1;
        }
        Platform.runLater(() -> {
            stage.close();
            Platform.exit();
        });
    }

    /**
     * The scene with the light theme and Sextant's stylesheet, 1280 by 800 or the usable part of a smaller
     * screen (a 1366 by 768 laptop, say), so that the first window is never cut off. Later starts take the
     * size the user left the window at.
     */
    public static Scene createScene(MainWindow window) {
        useLightTheme();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(SextantApplication.class.getResource("sextant.css")).toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(SextantApplication.class.getResource("side-panel.css")).toExternalForm());
        return scene;
    }

    /**
     * Makes the light theme JavaFX's user-agent stylesheet, unless it already is. Called before any control
     * class is first used, it also spares the load of JavaFX's default theme (Modena), which the first
     * control class loads when no user-agent stylesheet is set.
     */
    private static void useLightTheme() {
        // The theme's precompiled (binary) form: parsing its 170 kB of CSS at every start costs more.
        String light = new PrimerLight().getUserAgentStylesheetBSS();
        if (!light.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(light);
        }
    }

    /** Reads and decodes the window's icons off the JavaFX thread, then gives them to the window. */
    private static void addIconsInBackground(Stage stage) {
        Thread reader = new Thread(() -> {
            List<Image> icons = new ArrayList<>();
            for (int size : ICON_SIZES) {
                try (InputStream in = SextantApplication.class.getResourceAsStream("/dev/sextant/icons/sextant-" + size + ".png")) {
                    if (in != null) {
                        icons.add(new Image(in));
                    }
                } catch (IOException e) {
                    LOG.debug("Window icon of {} px not read: {}", size, e.getMessage());
                }
            }
            Platform.runLater(() -> stage.getIcons().addAll(icons));
        }, "window-icons");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            try {
                window.saveState();
            } catch (RuntimeException e) {
                LOG.warn("The window and its open tabs could not be saved for the next start: {}", e.getMessage());
            }
            window.closeAll();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
