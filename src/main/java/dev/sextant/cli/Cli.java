package dev.sextant.cli;

import dev.sextant.config.ImportException;
import dev.sextant.config.InvalidConfigException;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.secret.KeychainUnavailableException;
import dev.sextant.store.StoreException;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine;

/**
 * The command line's entry: {@code sextant connections|query|schema|mcp ...}. It runs without JavaFX
 * (nothing here or in the services names it), prints results to stdout and errors to stderr in one
 * line ({@code --verbose} adds the details), and returns an {@link ExitCode}.
 */
public final class Cli {

    /** The console log level, read by logback.xml; set before the first logger is made. */
    public static final String CONSOLE_LEVEL_PROPERTY = "sextant.console.level";
    private static final Set<String> HOME_FLAG = Set.of("--home");

    private Cli() {
    }

    /**
     * Whether the arguments ask for a command rather than the window: anything besides {@code --home DIR}
     * (and the {@code -psn_} process serial number older macOS versions hand to app bundles). Decided
     * without loading picocli or any service, so the window's start costs nothing.
     */
    public static boolean isCommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (HOME_FLAG.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("--home=") && !args[i].startsWith("-psn_")) {
                return true;
            }
        }
        return false;
    }

    /** Prints why the launcher cannot do what it was asked (for example open the window), as one line on stderr. */
    public static void printLauncherProblem(String message) {
        System.err.println(message);
    }

    /** Whether the command is {@code mcp} (the first word that is not a top-level option). */
    static boolean isMcp(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (HOME_FLAG.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i].equals("mcp");
            }
        }
        return false;
    }

    /**
     * Chooses what the console log shows, before anything logs: nothing for commands (their errors are
     * printed as one line), warnings for the MCP server (its clients keep the server's stderr), everything
     * from INFO on with {@code --verbose}. The console log always goes to stderr.
     */
    public static void prepareLogging(String[] args) {
        boolean verbose = false;
        for (String a : args) {
            verbose |= a.equals("--verbose") || a.equals("-v");
        }
        System.setProperty(CONSOLE_LEVEL_PROPERTY, verbose ? "INFO" : isMcp(args) ? "WARN" : "OFF");
    }

    /**
     * Runs one command on the process's stdin, stdout and stderr, with the terminal to ask for secrets
     * (the MCP server never asks: its stdin belongs to the protocol).
     */
    public static int runOnSystemStreams(CliServices services, String[] args) {
        boolean mcp = isMcp(args);
        // commands write through their own buffer straight to the file descriptor; the MCP server gets
        // System.out itself, which it then keeps for the protocol alone
        OutputStream stdout = mcp ? System.out : new FileOutputStream(FileDescriptor.out);
        return run(services, args, System.in, stdout, System.err, mcp ? Terminal.none() : Terminal.system());
    }

    /**
     * Runs one command and returns its exit code. Streams are the process's own in production and
     * buffers in tests; nothing is written anywhere else.
     */
    public static int run(CliServices services, String[] args, InputStream in, OutputStream out, OutputStream err,
                          Terminal terminal) {
        PrintWriter stdout = new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        PrintWriter stderr = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        SextantCommand root = new SextantCommand(services, in, out, stdout, stderr, terminal);
        CommandLine cli = new CommandLine(root);
        cli.getCommandSpec().version("Sextant " + services.version());
        cli.setOut(stdout);
        cli.setErr(stderr);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            stderr.println("sextant: " + e.getMessage());
            stderr.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> report(e, root.verbose, stderr));
        try {
            return cli.execute(args);
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    /** One line on stderr saying what went wrong; the causes with {@code --verbose}. */
    static int report(Exception e, boolean verbose, PrintWriter err) {
        int code = exitCode(e);
        err.println("sextant: " + message(e));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable e) {
        if (e instanceof CliException c) {
            return c.exitCode();
        }
        if (e instanceof InvalidConfigException || e instanceof ImportException) {
            return ExitCode.INVALID;
        }
        if (e instanceof StoreException) {
            return ExitCode.STORE;
        }
        return ExitCode.FAILED;
    }

    static String message(Throwable e) {
        if (e instanceof ConnectorException c) {
            String where = c.position().map(p -> " (at character " + (p + 1) + ")").orElse("");
            return c.kind().title() + where + ": " + c.getMessage();
        }
        if (e instanceof KeychainUnavailableException) {
            return "The system keychain cannot be used: " + e.getMessage();
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            return ErrorKind.INTERNAL.title() + ": " + e.getClass().getSimpleName();
        }
        return e.getMessage().lines().findFirst().orElse("");
    }
}
