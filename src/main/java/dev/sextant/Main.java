package dev.sextant;

import dev.sextant.app.AppPaths;
import dev.sextant.app.DisplayCheck;
import dev.sextant.app.Headless;
import dev.sextant.app.LogConfigurator;
import dev.sextant.app.Sextant;
import dev.sextant.cli.Cli;
import dev.sextant.app.SelfCheck;
import dev.sextant.cli.SelfCheckReport;
import java.nio.file.Path;
import java.util.List;

/**
 * The launcher. It does not extend {@code javafx.application.Application}, so the app runs from the
 * class path and from a jpackage image alike. {@code --home DIR} chooses the data folder;
 * {@code --self-check} checks the installation instead of starting the window. With a command
 * ({@code sextant query ...}) it runs the command line, which never loads JavaFX; otherwise the window.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (SelfCheckReport.requested(args)) {
            Path scratch = SelfCheck.scratchFolder();
            System.setProperty("sextant.logs", scratch.resolve("logs").toString());
            // the report is the output: the checks' own log lines (a store created, say) stay off the console
            System.setProperty(LogConfigurator.CONSOLE_LEVEL_PROPERTY, "OFF");
            LogConfigurator.nameProvider();
            List<SelfCheckReport.Line> report = new SelfCheck(System.getenv(), scratch).run().stream()
                    .map(f -> new SelfCheckReport.Line(f.subject(), SelfCheckReport.Outcome.valueOf(f.outcome().name()),
                            f.detail()))
                    .toList();
            System.exit(SelfCheckReport.print(report));
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--home") && i + 1 < args.length) {
                System.setProperty(AppPaths.HOME_PROPERTY, args[++i]);
            } else if (args[i].startsWith("--home=")) {
                System.setProperty(AppPaths.HOME_PROPERTY, args[i].substring("--home=".length()));
            }
        }
        AppPaths paths = AppPaths.resolve(System.getenv());
        // The log file lives in the data folder; the logging set-up reads this property when it starts.
        System.setProperty("sextant.logs", paths.logs().toString());
        if (Cli.isCommand(args)) {
            System.exit(Headless.run(paths, args));
        }
        if (DisplayCheck.missing(System.getProperty("os.name", ""), System.getenv())) {
            Cli.printLauncherProblem(DisplayCheck.NO_DISPLAY);
            System.exit(1);
        }
        LogConfigurator.startInBackground();
        int status;
        try {
            status = new Sextant(paths).runGui();
        } finally {
            LogConfigurator.finishSetup();
        }
        if (status != 0) {
            System.exit(status);
        }
    }
}
