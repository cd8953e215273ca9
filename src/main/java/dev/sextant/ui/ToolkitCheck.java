package dev.sextant.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;

/**
 * Starts the JavaFX toolkit and renders a small scene with Sextant's theme, stylesheet and icon font, for
 * the packaged app's self-check: it proves the runtime holds JavaFX's modules and native libraries and
 * that the system has what they load (GTK and OpenGL on Linux). Not for use while the app itself runs.
 */
public final class ToolkitCheck {

    private ToolkitCheck() {
    }

    /**
     * Starts the toolkit, renders, and shuts it down again.
     *
     * @return the size of what was rendered, for the report
     * @throws TimeoutException when the toolkit did not start or render within the time given
     * @throws Exception        whatever the toolkit threw (for example "Unable to open DISPLAY")
     */
    public static String run(long timeoutSeconds) throws Exception {
        CompletableFuture<String> rendered = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                Platform.startup(() -> {
                    try {
                        rendered.complete(render());
                    } catch (Throwable t) {
                        rendered.completeExceptionally(t);
                    }
                });
            } catch (Throwable t) {
                rendered.completeExceptionally(t);
            }
        }, "self-check-javafx");
        starter.setDaemon(true);
        starter.start();
        try {
            return rendered.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
        } finally {
            Platform.exit();
        }
    }

    private static String render() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        Label label = new Label("Sextant", Icons.of(Feather.COMPASS));
        Scene scene = new Scene(new StackPane(label), 240, 80);
        scene.getStylesheets().add(Objects.requireNonNull(SextantApplication.class.getResource("sextant.css")).toExternalForm());
        WritableImage image = scene.snapshot(null);
        return "started and rendered a " + (int) image.getWidth() + "x" + (int) image.getHeight()
                + " scene with the theme and icons";
    }
}
