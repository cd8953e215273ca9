package dev.sextant.ui.window;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.text.Font;

/**
 * The monospaced family of SQL, values, messages and timings. A JavaFX stylesheet takes only the first
 * family of a list, so a list such as {@code "JetBrains Mono", "Consolas", monospace} falls back to the
 * proportional default wherever its first family is missing. Instead, the first family of
 * {@link #PREFERRED} that the system has is looked up on a thread of its own once the window is shown
 * (reading the system's fonts takes tens of milliseconds), and the parts that show code or values add a
 * stylesheet naming it to their own ({@link #use}): only those parts are styled again when it comes, and
 * nothing of it weighs on the window's start.
 */
public final class MonoFont {

    /** Best first: the fonts made for code on each system, then the common Linux ones. */
    static final List<String> PREFERRED = List.of("JetBrains Mono", "Cascadia Mono", "Consolas", "SF Mono", "Menlo",
            "DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono", "Ubuntu Mono");
    /** JavaFX's logical monospaced family, which every system maps to one of its fonts. */
    static final String LOGICAL = "Monospaced";
    /**
     * Where the family applies; the stylesheets set the sizes. The editor's text itself, as RichTextFX's
     * code area names a family of its own in a stylesheet of its own.
     */
    static final List<String> SELECTORS = List.of(".sql-editor .text", ".result-grid .table-cell", ".error-pane .error-message",
            ".audit-detail", ".completion-list", ".parameter-form .parameter-name", ".value-viewer .value-text",
            ".messages", ".history-sql", ".stage-time");

    private static final CompletableFuture<String> STYLESHEET = new CompletableFuture<>();
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private MonoFont() {
    }

    /** Starts looking for the family, once; the window calls it when it is shown. */
    public static void findInBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            String family;
            try {
                family = choose(Font.getFamilies());
            } catch (RuntimeException e) {
                family = LOGICAL;
            }
            STYLESHEET.complete(stylesheet(family));
        }, "mono-font");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Gives {@code parent}'s code and values the monospaced family: at once when it is known, else as soon
     * as it is. Call on the JavaFX thread.
     */
    public static void use(Parent parent) {
        String now = STYLESHEET.getNow(null);
        if (now != null) {
            parent.getStylesheets().add(now);
        } else {
            STYLESHEET.thenAccept(url -> Platform.runLater(() -> parent.getStylesheets().add(url)));
        }
    }

    /** The first preferred family among {@code installed}, else JavaFX's logical monospaced family. */
    static String choose(Collection<String> installed) {
        return PREFERRED.stream().filter(installed::contains).findFirst().orElse(LOGICAL);
    }

    /** A stylesheet, as a data URL, giving {@link #SELECTORS} the family {@code family}. */
    static String stylesheet(String family) {
        String css = String.join(",\n", SELECTORS) + " {\n    -fx-font-family: \"" + family.replace("\"", "") + "\";\n}\n";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}
