package dev.sextant.ui;

import atlantafx.base.theme.PrimerLight;
import dev.sextant.ui.task.FxTaskExecutor;
import java.io.InputStream;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one main window. Started by the composition root through {@link #launch(UiContext)}. */
public final class SextantApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(SextantApplication.class);
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};
    private static volatile UiContext pending;

    private FxTaskExecutor executor;
    private MainWindow window;

    /** Starts JavaFX and blocks until the last window closes. */
    public static void launch(UiContext context) {
        pending = Objects.requireNonNull(context);
        Application.launch(SextantApplication.class);
    }

    @Override
    public void start(Stage stage) {
        UiContext context = Objects.requireNonNull(pending, "launch(UiContext) was not called");
        executor = new FxTaskExecutor();
        window = new MainWindow(context, executor);
        stage.setScene(createScene(window));
        stage.setTitle("Sextant");
        addIcons(stage);
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.show();
        LOG.info("Main window shown {} ms after JVM start",
                System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        window.start();
    }

    /** The scene with the light theme and Sextant's stylesheet, at a size that suits a laptop screen. */
    public static Scene createScene(MainWindow window) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(SextantApplication.class.getResource("sextant.css")).toExternalForm());
        return scene;
    }

    private static void addIcons(Stage stage) {
        for (int size : ICON_SIZES) {
            InputStream in = SextantApplication.class.getResourceAsStream("/dev/sextant/icons/sextant-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            try {
                window.saveTabsNow();
            } catch (RuntimeException e) {
                LOG.warn("Open tabs could not be saved for the next start: {}", e.getMessage());
            }
            window.closeAll();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
