package dev.sextant.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sextant.config.ConnectionCatalog;
import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.config.ImportPreview;
import dev.sextant.config.McpAccess;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.TestStage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sextant connections ...}: the saved connections, as the window's connection list holds them. */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "List, show, add, edit, remove, test, export and import saved connections. "
                + "Secrets are never printed: only references such as env:PGPASSWORD or keychain:ID.")
final class ConnectionsCommand implements Runnable {

    /** How a list or a single connection is printed. */
    enum Format { TEXT, JSON }

    @ParentCommand
    SextantCommand root;

    @Spec
    CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void run() {
        spec.commandLine().usage(root.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved connections.")
    int list(@Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
             Format format) throws IOException {
        List<ExternalDatabaseConfig> all = root.services.catalog().list();
        if (format == Format.JSON) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ExternalDatabaseConfig c : all) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", c.name());
                row.put("folder", c.folder());
                row.put("type", c.type());
                row.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                row.put("readOnly", c.readOnly());
                row.put("mcp", mcpLabel(c.mcp()));
                rows.add(row);
            }
            JSON.writeValue(root.out, rows);
            root.out.println();
            return ExitCode.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "FOLDER", "TYPE", "KIND", "READ-ONLY", "MCP"});
        for (ExternalDatabaseConfig c : all) {
            rows.add(new String[] {c.name(), c.folder(), c.type(), c.kind().name().toLowerCase(Locale.ROOT),
                    c.readOnly() ? "yes" : "no", mcpLabel(c.mcp())});
        }
        TextTable.print(root.out, rows);
        return ExitCode.OK;
    }

    static String mcpLabel(McpAccess access) {
        return !access.available() ? "hidden" : access.mayWrite() ? "read-write" : "read-only";
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one connection's settings (secret references only, never secrets).")
    int show(@Parameters(paramLabel = "NAME", description = "the connection, or FOLDER/NAME") String name,
             @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
             Format format) throws IOException {
        ExternalDatabaseConfig c = root.connection(name);
        if (format == Format.JSON) {
            JSON.writeValue(root.out, c.asMap());
            root.out.println();
            return ExitCode.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Name", c.name()});
        rows.add(new String[] {"Folder", c.folder().isEmpty() ? "(top level)" : c.folder()});
        rows.add(new String[] {"Type", c.type()});
        rows.add(new String[] {"Kind", c.kind().label()});
        rows.add(new String[] {"Read-only", c.readOnly() ? "yes" : "no"});
        rows.add(new String[] {"MCP", mcpLabel(c.mcp())});
        c.parameters().forEach((k, v) -> rows.add(new String[] {k, v}));
        c.secretRefs().forEach((k, v) -> rows.add(new String[] {k, v}));
        rows.add(new String[] {"Id", c.id()});
        TextTable.printPairs(root.out, rows);
        return ExitCode.OK;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Save a new connection.", "Secrets are given as references (--secret password=env:PGPASSWORD) "
                    + "or typed at a prompt without echo and kept in the system keychain (--ask-secret password); "
                    + "never on the command line itself."})
    int add(@Parameters(paramLabel = "NAME", description = "the new connection's name") String name,
            @Option(names = {"-t", "--type"}, required = true, description = "the connector: ${COMPLETION-CANDIDATES}",
                    completionCandidates = ConnectorTypes.class) String type,
            @Mixin SettingsOptions settings) {
        ExternalDatabaseConfig config = ExternalDatabaseConfig.create(name, type, Map.of(), ConnectionKind.DEVELOPMENT);
        ExternalDatabaseConfig saved = root.services.catalog().create(settings.applyTo(config, root));
        root.out.println("Added connection '" + saved.name() + "' (" + saved.type() + ").");
        return ExitCode.OK;
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a saved connection's settings.")
    int edit(@Parameters(paramLabel = "NAME", description = "the connection, or FOLDER/NAME") String name,
             @Option(names = "--rename", paramLabel = "NEW_NAME", description = "give it a new name") String rename,
             @Option(names = "--unset", paramLabel = "KEY", description = "remove a setting (repeatable)") List<String> unset,
             @Mixin SettingsOptions settings) {
        ExternalDatabaseConfig old = root.connection(name);
        ExternalDatabaseConfig changed = settings.applyTo(old, root);
        if (unset != null && !unset.isEmpty()) {
            Map<String, String> params = new LinkedHashMap<>(changed.parameters());
            Map<String, String> refs = new LinkedHashMap<>(changed.secretRefs());
            for (String key : unset) {
                if (params.remove(key) == null && refs.remove(key) == null) {
                    throw CliException.notFound("Connection '" + old.name() + "' has no setting '" + key + "'.");
                }
            }
            changed = new ExternalDatabaseConfig(changed.id(), changed.name(), changed.type(), params, refs, changed.kind(),
                    changed.readOnly(), changed.folder(), changed.color(), changed.createdAt(), changed.updatedAt(),
                    changed.mcp());
        }
        if (rename != null) {
            changed = changed.withName(rename);
        }
        ExternalDatabaseConfig saved = root.services.catalog().update(changed);
        root.out.println("Saved connection '" + saved.name() + "'.");
        return ExitCode.OK;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Delete a saved connection and its secrets in the system keychain.")
    int remove(@Parameters(paramLabel = "NAME", description = "the connection, or FOLDER/NAME") String name) {
        ExternalDatabaseConfig c = root.connection(name);
        root.services.catalog().delete(c.id());
        root.out.println("Removed connection '" + c.name() + "'.");
        return ExitCode.OK;
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Run the staged connection test and print each stage.",
                    "Exits with 1 when any connection fails, so a script can check many at once."})
    int test(@Parameters(paramLabel = "NAME", arity = "0..*", description = "connections to test") List<String> names,
             @Option(names = "--all", description = "test every saved connection") boolean all) {
        List<ExternalDatabaseConfig> configs;
        if (all) {
            configs = root.services.catalog().list();
        } else if (names == null || names.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "Name the connections to test, or give --all.");
        } else {
            configs = names.stream().map(root::connection).toList();
        }
        int failed = 0;
        for (ExternalDatabaseConfig config : configs) {
            if (configs.size() > 1) {
                root.out.println("== " + config.name());
            }
            ConnectionTestReport report = testOne(config);
            root.out.print(report.asText());
            root.out.flush();
            if (!report.passed()) {
                failed++;
            }
        }
        if (configs.size() > 1) {
            root.out.println((configs.size() - failed) + " of " + configs.size() + " connections work.");
        }
        return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
    }

    private ConnectionTestReport testOne(ExternalDatabaseConfig config) {
        long start = System.nanoTime();
        BaseDBConnector connector;
        try {
            connector = root.services.workspace().newConnector(config, false, SecretPrompt.on(root.terminal));
        } catch (ConnectorException e) {
            return new ConnectionTestReport(List.of(new TestStage("Find the secrets", false,
                    Duration.ofNanos(System.nanoTime() - start), e.getMessage())), Map.of());
        }
        try (connector) {
            return connector.testConnection();
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write connections to a JSON file for another machine: settings and env: references, "
                    + "never secrets.")
    int export(@Parameters(paramLabel = "NAME", arity = "0..*", description = "only these (default: all)") List<String> names,
               @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here instead of stdout") Path output)
            throws IOException {
        ConnectionCatalog catalog = root.services.catalog();
        List<ExternalDatabaseConfig> configs = names == null || names.isEmpty() ? catalog.list()
                : names.stream().map(root::connection).toList();
        String text = catalog.export(configs);
        if (output == null) {
            root.out.println(text);
        } else {
            try {
                Files.writeString(output, text + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliException.file("write", output, e);
            }
            root.err.println("Exported " + configs.size() + (configs.size() == 1 ? " connection" : " connections") + " to " + output);
        }
        return ExitCode.OK;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Add and replace connections from an export file ('-' reads stdin).",
                    "All or nothing: a file with any problem imports nothing and names the entry at fault."})
    int importFile(@Parameters(paramLabel = "FILE") String file,
                   @Option(names = "--dry-run", description = "only show what would be added and replaced") boolean dryRun) {
        String text = read(file);
        ConnectionCatalog catalog = root.services.catalog();
        ImportPreview preview = catalog.previewImport(text);
        for (ImportPreview.Item item : preview.items()) {
            ExternalDatabaseConfig c = item.config();
            root.out.println((item.action() == ImportPreview.Action.ADD ? "add      " : "replace  ")
                    + (c.folder().isEmpty() ? "" : c.folder() + "/") + c.name() + " (" + c.type() + ")");
        }
        if (dryRun) {
            root.out.println("Nothing was written (--dry-run).");
        } else {
            catalog.applyImport(preview);
            root.out.println("Imported " + preview.items().size() + (preview.items().size() == 1 ? " connection." : " connections."));
        }
        return ExitCode.OK;
    }

    private String read(String file) {
        try {
            if (file.equals("-")) {
                return new String(root.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CliException.notFound("There is no file " + file + ".");
        } catch (IOException e) {
            throw CliException.file("read", Path.of(file), e);
        }
    }
}
