package dev.sextant.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.schema.Column;
import dev.sextant.schema.ForeignKey;
import dev.sextant.schema.Index;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.Routine;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Sequence;
import dev.sextant.schema.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sextant schema}: what the window's schema tree shows, as text or JSON. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the schemas of a saved connection: tables, views and their columns, keys and indexes, "
                + "sequences and routines.")
final class SchemaCommand implements Callable<Integer> {

    /** How the schema is printed. */
    enum Format { TREE, JSON }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @ParentCommand
    SextantCommand root;

    @Option(names = {"-c", "--connection"}, required = true, paramLabel = "NAME", description = "the saved connection")
    String connection;

    @Option(names = "--schema", paramLabel = "SCHEMA", description = "only this schema (dataset)")
    String schema;

    @Option(names = "--system", description = "also the database's own schemas (pg_catalog, INFORMATION_SCHEMA)")
    boolean system;

    @Option(names = "--format", defaultValue = "tree", description = "tree or json; default: ${DEFAULT-VALUE}")
    Format format;

    @Override
    public Integer call() throws IOException {
        ExternalDatabaseConfig config = root.connection(connection);
        List<Schema> schemas = new ArrayList<>();
        try (BaseDBConnector connector = root.services.workspace().newConnector(config, true, SecretPrompt.on(root.terminal))) {
            connector.connect();
            List<SchemaRef> refs = connector.listSchemas(system || schema != null);
            if (schema != null) {
                refs = refs.stream().filter(r -> r.name().equals(schema)).toList();
                if (refs.isEmpty()) {
                    throw CliException.notFound("Connection '" + config.name() + "' has no schema named '" + schema + "'.");
                }
            }
            for (SchemaRef ref : refs) {
                schemas.add(connector.scanSchema(ref));
            }
        }
        if (format == Format.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("connection", config.name());
            doc.put("type", config.type());
            doc.put("schemas", schemas);
            JSON.writeValue(root.out, doc);
            root.out.println();
        } else {
            schemas.forEach(s -> tree(root.out, s));
        }
        return ExitCode.OK;
    }

    static void tree(PrintWriter out, Schema schema) {
        out.println(schema.name() + (schema.ref().comment().isEmpty() ? "" : "  -- " + schema.ref().comment()));
        for (Table t : schema.tables()) {
            String rows = t.rowEstimate() >= 0 ? ", " + t.rowEstimate() + " rows" : "";
            out.println("  " + t.name() + "  (" + kind(t.kind()) + rows + ")" + comment(t.comment()));
            // names and types in columns of their own, as a terminal draws them
            int nameWidth = t.columns().stream().mapToInt(c -> TerminalWidth.of(c.name())).max().orElse(0);
            int typeWidth = t.columns().stream().mapToInt(c -> TerminalWidth.of(c.dataType())).max().orElse(0);
            for (Column c : t.columns()) {
                StringBuilder line = new StringBuilder("    ").append(TerminalWidth.pad(c.name(), nameWidth)).append("  ")
                        .append(TerminalWidth.pad(c.dataType(), typeWidth));
                if (t.isPrimaryKeyColumn(c.name())) {
                    line.append("  PK");
                }
                if (t.isForeignKeyColumn(c.name())) {
                    line.append("  FK");
                }
                if (!c.nullable()) {
                    line.append("  not null");
                }
                if (!c.defaultValue().isEmpty()) {
                    line.append("  default ").append(c.defaultValue());
                }
                out.println(line.append(comment(c.comment())).toString().stripTrailing());
            }
            for (ForeignKey fk : t.foreignKeys()) {
                out.println("    foreign key " + fk.name() + " (" + String.join(", ", fk.columns()) + ") -> "
                        + fk.referencedSchema() + "." + fk.referencedTable() + " (" + String.join(", ", fk.referencedColumns()) + ")");
            }
            for (Index i : t.indexes()) {
                out.println("    " + (i.unique() ? "unique index " : "index ") + i.name() + " (" + String.join(", ", i.columns()) + ")");
            }
        }
        for (Sequence s : schema.sequences()) {
            out.println("  " + s.name() + "  (sequence)");
        }
        for (Routine r : schema.routines()) {
            out.println("  " + r.name() + r.signature() + "  (" + (r.procedure() ? "procedure" : "function")
                    + (r.returnType().isEmpty() ? "" : " returning " + r.returnType()) + ")" + comment(r.comment()));
        }
    }

    private static String kind(ObjectKind kind) {
        return kind.label();
    }

    private static String comment(String comment) {
        return comment == null || comment.isEmpty() ? "" : "  -- " + comment.lines().findFirst().orElse("");
    }
}
