package dev.sextant.cli;

import dev.sextant.app.AppPaths;
import dev.sextant.app.Headless;
import dev.sextant.secret.SecretStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Runs commands through the command line's entry point on one data folder, as the launcher would. */
final class CliRunner {

    /** What one command printed and returned. */
    record Run(int exitCode, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    /** One set of services for every run, as in one process; the store is still opened for each transaction. */
    private final Headless services;
    Terminal terminal = Terminal.none();

    CliRunner(AppPaths paths, SecretStore secrets) {
        this.services = new Headless(paths, secrets);
    }

    Run run(String... args) {
        return runWithInput("", args);
    }

    Run runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(services, args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, terminal);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
