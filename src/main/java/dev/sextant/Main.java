package dev.sextant;

import dev.sextant.app.AppPaths;
import dev.sextant.app.LogConfigurator;
import dev.sextant.app.Sextant;
import dev.sextant.cli.SelfCheckCommand;
import java.nio.file.Path;

/**
 * The launcher. It does not extend {@code javafx.application.Application}, so the app runs from the
 * class path and from a jpackage image alike. {@code --home DIR} chooses the data folder;
 * {@code --self-check} checks the installation instead of starting the window.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (SelfCheckCommand.requested(args)) {
            Path scratch = SelfCheckCommand.scratchFolder();
            System.setProperty("sextant.logs", scratch.resolve("logs").toString());
            System.exit(SelfCheckCommand.run(System.getenv(), scratch));
        }
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
        LogConfigurator.startInBackground();
        int status = new Sextant(paths).runGui();
        if (status != 0) {
            System.exit(status);
        }
    }
}
