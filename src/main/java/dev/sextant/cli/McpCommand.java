package dev.sextant.cli;

import dev.sextant.mcp.McpSettings;
import dev.sextant.mcp.SextantMcpServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sextant mcp}: the Model Context Protocol over stdin and stdout, for LLM clients. Only the
 * connections marked as available to MCP are visible, on read-only sessions unless a connection allows
 * writes; every call goes to the audit log.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"Serve the Model Context Protocol over stdio for LLM clients.",
                "Only connections marked for MCP (connections edit NAME --mcp) are visible; queries run on read-only "
                        + "sessions unless the connection allows writes (--mcp-write), with a row cap and a time limit "
                        + "per call; every call is recorded in the audit log."})
final class McpCommand implements Callable<Integer> {

    @ParentCommand
    SextantCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "200",
            description = "the most rows one query returns to the client; default: ${DEFAULT-VALUE}")
    int maxRows;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "the time limit of one call, after which the statement is cancelled; default: ${DEFAULT-VALUE}")
    int timeoutSeconds;

    @Override
    public Integer call() {
        if (maxRows < 1 || timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-rows and --timeout must be 1 or more.");
        }
        PrintStream protocol = null;
        if (root.rawOut == System.out) {
            // Only protocol messages may reach stdout: anything else printed by accident goes to stderr.
            protocol = System.out;
            System.setOut(System.err);
        }
        try {
            new SextantMcpServer(root.services.catalog(), root.services.workspace(), root.services.auditLog(),
                    new McpSettings(maxRows, Duration.ofSeconds(timeoutSeconds), root.services.version()))
                    .serve(root.in, protocol == null ? root.rawOut : protocol);
        } finally {
            if (protocol != null) {
                System.setOut(protocol);
            }
        }
        return ExitCode.OK;
    }
}
