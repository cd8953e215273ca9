package dev.sextant.cli;

import dev.sextant.app.SelfCheck;
import dev.sextant.app.SelfCheck.Finding;
import dev.sextant.app.SelfCheck.Outcome;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code sextant --self-check}: prints one line per check and exits non-zero when any failed, so a build
 * or a support conversation can tell at once whether the installed app is whole.
 */
public final class SelfCheckCommand {

    public static final String FLAG = "--self-check";

    private SelfCheckCommand() {
    }

    /** Whether the arguments ask for the self-check. */
    public static boolean requested(String[] args) {
        return List.of(args).contains(FLAG);
    }

    /** Creates the temporary folder the checks may write to; the log goes there too, not to the data folder. */
    public static Path scratchFolder() {
        try {
            return Files.createTempDirectory("sextant-self-check-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the checks and prints the report; returns the process exit status (0 when nothing failed). */
    public static int run(Map<String, String> env, Path scratch) {
        List<Finding> findings = new SelfCheck(env, scratch).run();
        return print(findings, System.out);
    }

    static int print(List<Finding> findings, PrintStream out) {
        int width = findings.stream().mapToInt(f -> f.subject().length()).max().orElse(0);
        for (Finding f : findings) {
            out.printf("%-7s  %-" + width + "s  %s%n", label(f.outcome()), f.subject(), f.detail());
        }
        long failed = findings.stream().filter(f -> f.outcome() == Outcome.FAILED).count();
        long warnings = findings.stream().filter(f -> f.outcome() == Outcome.WARNING).count();
        out.println(failed == 0
                ? "Self-check passed" + (warnings == 0 ? "." : " with " + warnings + (warnings == 1 ? " warning." : " warnings."))
                : "Self-check FAILED: " + failed + " of " + findings.size() + " checks failed.");
        return failed == 0 ? 0 : 1;
    }

    private static String label(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "ok";
            case WARNING -> "warning";
            case FAILED -> "FAILED";
        };
    }
}
