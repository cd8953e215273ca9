package dev.sextant.cli;

import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.config.McpAccess;
import dev.sextant.secret.SecretReference;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The settings {@code connections add} and {@code connections edit} share; each is left alone when not given. */
final class SettingsOptions {

    @Option(names = "--folder", paramLabel = "FOLDER", description = "the folder it is listed in (empty for the top level)")
    String folder;

    @Option(names = "--kind", paramLabel = "KIND", description = "development, test or production")
    ConnectionKind kind;

    @Option(names = "--read-only", negatable = true, description = "run read-only sessions, enforced by the database")
    Boolean readOnly;

    @Option(names = "--color", paramLabel = "#RRGGBB", description = "the colour that marks it in the window")
    String color;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "a setting of the connector, e.g. -p host=db.internal -p port=5432 (repeatable)")
    Map<String, String> params;

    @Option(names = "--secret", paramLabel = "FIELD=REFERENCE",
            description = "where a secret is: env:VARIABLE or keychain:ID, e.g. --secret password=env:PGPASSWORD")
    Map<String, String> secrets;

    @Option(names = "--ask-secret", paramLabel = "FIELD",
            description = "ask for this secret on the terminal (no echo) and keep it in the system keychain")
    List<String> ask;

    @Option(names = "--mcp", negatable = true, description = "let MCP clients see it (on read-only sessions)")
    Boolean mcp;

    @Option(names = "--mcp-write", negatable = true,
            description = "let MCP clients change data through it (implies --mcp)")
    Boolean mcpWrite;

    /** The config with every given setting applied; asks for secrets named by --ask-secret. */
    ExternalDatabaseConfig applyTo(ExternalDatabaseConfig config, SextantCommand root) {
        Map<String, String> parameters = new LinkedHashMap<>(config.parameters());
        if (params != null) {
            parameters.putAll(params);
        }
        Map<String, String> refs = new LinkedHashMap<>(config.secretRefs());
        if (secrets != null) {
            secrets.forEach((field, ref) -> {
                try {
                    SecretReference parsed = SecretReference.parse(ref);
                    refs.put(field, parsed.toString());
                } catch (IllegalArgumentException e) {
                    throw new CliException(ExitCode.INVALID, "--secret " + field + ": " + e.getMessage());
                }
            });
        }
        if (ask != null) {
            for (String field : ask) {
                refs.put(field, askAndKeep(config.name(), field, root));
            }
        }
        McpAccess access = config.mcp();
        if (mcp != null) {
            access = mcp ? new McpAccess(true, access.mayWrite()) : McpAccess.NONE;
        }
        if (mcpWrite != null) {
            access = mcpWrite ? new McpAccess(true, true) : new McpAccess(access.available(), false);
        }
        return new ExternalDatabaseConfig(config.id(), config.name(), config.type(), parameters, refs,
                kind == null ? config.kind() : kind, readOnly == null ? config.readOnly() : readOnly,
                folder == null ? config.folder() : folder, color == null ? config.color() : color,
                config.createdAt(), config.updatedAt(), access);
    }

    private static String askAndKeep(String connection, String field, SextantCommand root) {
        char[] typed = root.terminal.readSecret("Secret '" + field + "' for connection '" + connection + "': ")
                .orElseThrow(() -> new CliException(ExitCode.USAGE, "There is no terminal to ask for '" + field
                        + "' on. Use --secret " + field + "=env:VARIABLE and set that variable instead."));
        try {
            return root.services.catalog().keepSecret(new String(typed), ConnectionCatalog.SecretPlace.KEYCHAIN);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }
}
