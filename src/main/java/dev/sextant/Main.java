package dev.sextant;

import dev.sextant.app.AppPaths;
import dev.sextant.app.Headless;
import dev.sextant.app.Sextant;
import dev.sextant.cli.Cli;

/**
 * The launcher. It does not extend {@code javafx.application.Application}, so the app runs from the
 * class path and from a jpackage image alike. {@code --home DIR} chooses the data folder. With a command
 * ({@code sextant query ...}) it runs the command line, which never loads JavaFX; otherwise the window.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--home") && i + 1 < args.length) {
                System.setProperty(AppPaths.HOME_PROPERTY, args[++i]);
            } else if (args[i].startsWith("--home=")) {
                System.setProperty(AppPaths.HOME_PROPERTY, args[i].substring("--home=".length()));
            }
        }
        AppPaths paths = AppPaths.resolve(System.getenv());
        // The log file lives in the data folder; logback reads this property when it starts.
        System.setProperty("sextant.logs", paths.logs().toString());
        if (Cli.isCommand(args)) {
            System.exit(Headless.run(paths, args));
        }
        new Sextant(paths).runGui();
    }
}
