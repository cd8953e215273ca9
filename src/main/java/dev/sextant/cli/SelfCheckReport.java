package dev.sextant.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code sextant --self-check}: prints one line per check and exits non-zero when any failed, so a build
 * or a support conversation can tell at once whether the installed app is whole. The checks themselves
 * run in the composition root, which knows every part; this prints what they found.
 */
public final class SelfCheckReport {

    public static final String FLAG = "--self-check";

    /** How one check ended. */
    public enum Outcome { PASSED, WARNING, FAILED }

    /** One line of the report: what was checked, how it ended, and what was found or is missing. */
    public record Line(String subject, Outcome outcome, String detail) {
    }

    private SelfCheckReport() {
    }

    /** Whether the arguments ask for the self-check. */
    public static boolean requested(String[] args) {
        return List.of(args).contains(FLAG);
    }

    /** Prints the report on stdout; returns the process exit status (0 when nothing failed). */
    public static int print(List<Line> lines) {
        return print(lines, System.out);
    }

    static int print(List<Line> findings, PrintStream out) {
        int width = findings.stream().mapToInt(f -> f.subject().length()).max().orElse(0);
        for (Line f : findings) {
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
