import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor of the start-up benchmark: the least a JavaFX app can show, a window with one label, at the
 * size of Sextant's main window. It is packaged like Sextant (same runtime, its own class-data-sharing
 * archive, jpackage) and reports the same figure in the same words, so the two can be compared.
 */
public final class BareWindow {

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The JavaFX application; the launcher above does not extend Application, as Sextant's does not. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("A bare JavaFX window")), 1280, 800));
            stage.setTitle("Bare window");
            stage.show();
            shown();
        }
    }

    /**
     * Says, in Sextant's words, when the window was shown after the JVM started (with the processor time
     * used by then), and closes the app if {@code sextant.closeWhenStarted} asks. Call right after
     * {@code stage.show()}; the like window does too.
     */
    static void shown() {
        long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String cpu = ProcessHandle.current().info().totalCpuDuration()
                .map(d -> ", " + d.toMillis() + " ms of CPU").orElse("");
        String clock = java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS"));
        System.out.println("Main window shown at " + clock + ", " + elapsed + " ms after JVM start" + cpu);
        if (Boolean.getBoolean("sextant.closeWhenStarted")) {
            javafx.application.Platform.exit();
        }
    }
}
