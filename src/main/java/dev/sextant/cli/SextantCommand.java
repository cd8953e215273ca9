package dev.sextant.cli;

import dev.sextant.config.ExternalDatabaseConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sextant}: the top of the command tree, and what every command shares. */
@Command(name = "sextant", mixinStandardHelpOptions = true,
        description = "Sextant's saved connections for scripts, notebooks and LLM tools. Without a command, "
                + "Sextant opens its window.",
        subcommands = {ConnectionsCommand.class, QueryCommand.class, SchemaCommand.class, McpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  the database or connection failed (bad SQL, log-in refused, a test failed)",
                "  2  wrong usage (unknown option, missing argument or value)",
                "  3  no connection, schema or file of that name",
                "  4  input refused before anything was written (bad settings or import file)",
                "  5  the local store cannot be used now"})
final class SextantCommand implements Runnable {

    final CliServices services;
    final InputStream in;
    final OutputStream rawOut;
    final PrintWriter out;
    final PrintWriter err;
    final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Use this data folder instead of the default (also SEXTANT_HOME).")
    String home;

    @Option(names = {"-v", "--verbose"}, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "On failure, print the details and causes, and log to stderr.")
    boolean verbose;

    SextantCommand(CliServices services, InputStream in, OutputStream rawOut, PrintWriter out, PrintWriter err,
                   Terminal terminal) {
        this.services = services;
        this.in = in;
        this.rawOut = rawOut;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    /**
     * The saved connection called {@code name}; {@code FOLDER/NAME} picks one of several with the same name.
     *
     * @throws CliException NOT_FOUND naming the connections there are
     */
    ExternalDatabaseConfig connection(String name) {
        List<ExternalDatabaseConfig> all = services.catalog().list();
        List<ExternalDatabaseConfig> matches = all.stream().filter(c -> c.name().equals(name)).toList();
        if (matches.isEmpty()) {
            matches = all.stream().filter(c -> !c.folder().isEmpty() && (c.folder() + "/" + c.name()).equals(name)).toList();
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            String known = all.isEmpty() ? "There are no saved connections."
                    : "Saved connections: " + String.join(", ", all.stream().map(ExternalDatabaseConfig::name).toList()) + ".";
            throw CliException.notFound("There is no connection named '" + name + "'. " + known);
        }
        throw new CliException(ExitCode.USAGE, "Several connections are named '" + name + "' (in the folders "
                + String.join(", ", matches.stream().map(c -> c.folder().isEmpty() ? "(top level)" : c.folder()).toList())
                + "). Name one as FOLDER/NAME.");
    }
}
