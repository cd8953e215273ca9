package dev.sextant.cli;

import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import dev.sextant.query.ChangeCheck;
import dev.sextant.sql.SqlStatement;
import dev.sextant.sql.StatementSplitter;
import dev.sextant.sql.Syntax;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sextant query}: one statement on a saved connection, its rows streamed to stdout as they come
 * from the database (a server-side cursor on PostgreSQL), so memory stays flat for any row count.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one SQL statement on a saved connection and stream its rows to stdout.",
                "Parameters fill the statement's ? markers in order; they are sent as text, which the database "
                        + "reads as the type the statement needs there."})
final class QueryCommand implements Callable<Integer> {

    /** Rows asked of the database per round trip. */
    static final int FETCH_SIZE = 1000;
    /** A BigQuery named parameter's value: {@code @name=VALUE}. */
    private static final Pattern NAMED = Pattern.compile("@([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

    @ParentCommand
    SextantCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--connection"}, required = true, paramLabel = "NAME", description = "the saved connection")
    String connection;

    @Option(names = "--param", paramLabel = "VALUE", description = {"a value for the next ? marker (repeatable); "
            + "\\N is SQL NULL (\\\\N for the text \\N); on BigQuery, @name=VALUE fills the named parameter @name"})
    List<String> params = new ArrayList<>();

    @Option(names = "--max-rows", paramLabel = "N", description = "stop after N rows")
    Long maxRows;

    @Option(names = "--format", defaultValue = "table",
            description = "table, csv, json (an array of objects) or jsonl (one object per line); default: ${DEFAULT-VALUE}")
    RowWriter.Format format;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "read the SQL from this file ('-' for stdin)")
    String file;

    @Option(names = "--yes", description = "on a production connection, run a statement that changes data or schema "
            + "without asking (otherwise it is asked on the terminal, or refused where there is none)")
    boolean yes;

    @Parameters(paramLabel = "SQL", arity = "0..1", description = "the statement (or use -f)")
    String sql;

    @Override
    public Integer call() throws IOException {
        String statement = statement();
        if (maxRows != null && maxRows < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-rows must be 0 or more, not " + maxRows + ".");
        }
        ExternalDatabaseConfig config = root.connection(connection);
        RowWriter writer = format.open(root.out);
        try (BaseDBConnector connector = root.services.workspace().newConnector(config, false, SecretPrompt.on(root.terminal))) {
            connector.connect();
            Syntax syntax = Syntax.forDialectName(connector.dialect().name());
            List<Object> values = values(syntax);
            if (config.kind() == ConnectionKind.PRODUCTION && !yes) {
                confirmOnProduction(config, statement, values, syntax, connector);
            }
            try (ResultCursor cursor = connector.openCursor(statement, values, FETCH_SIZE)) {
                Thread cancelOnInterrupt = new Thread(cursor::cancel, "cancel-query");
                Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
                try {
                    stream(cursor, writer);
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook is cancelling the statement already
                    }
                }
            }
        }
        return ExitCode.OK;
    }

    /**
     * Asks before a statement that changes data or schema runs on a production connection, as the window
     * does; where no one can be asked (a script, a pipe), refuses it unless {@code --yes} was given.
     */
    private void confirmOnProduction(ExternalDatabaseConfig config, String text, List<Object> values, Syntax syntax,
                                     BaseDBConnector connector) {
        List<String> verbs = new ArrayList<>();
        if (syntax == Syntax.BIGQUERY) {
            // the dry run's statement type decides, for the text as it will run (a script is not a query)
            ChangeCheck.changingVerb(text, text, values, syntax, connector::estimate).ifPresent(verbs::add);
        } else {
            for (SqlStatement s : StatementSplitter.split(text, syntax)) {
                ChangeCheck.changingVerb(s.text(), s.text(), List.of(), syntax, null).ifPresent(verbs::add);
            }
        }
        if (verbs.isEmpty()) {
            return;
        }
        String question = ChangeCheck.question(verbs, config.name());
        if (!root.terminal.confirm(question + " Run " + (verbs.size() == 1 ? "it" : "them") + "? [y/N] ")) {
            throw new CliException(ExitCode.INVALID, question + " Nothing was run: answer y at the prompt, or add --yes.");
        }
    }

    /**
     * The {@code --param} values as the connector takes them: text, {@code \N} as SQL NULL ({@code \\N} for
     * the text {@code \N}), and on BigQuery, when every value reads {@code @name=VALUE}, named parameters.
     */
    List<Object> values(Syntax syntax) {
        boolean named = syntax == Syntax.BIGQUERY && !params.isEmpty() && params.stream().allMatch(p -> NAMED.matcher(p).matches());
        List<Object> values = new ArrayList<>();
        for (String p : params) {
            if (named) {
                Matcher m = NAMED.matcher(p);
                m.matches();
                values.add(new AbstractMap.SimpleImmutableEntry<>(m.group(1), text(m.group(2))));
            } else {
                values.add(text(p));
            }
        }
        return Collections.unmodifiableList(values);
    }

    private static String text(String value) {
        if (value.equals("\\N")) {
            return null;
        }
        return value.equals("\\\\N") ? "\\N" : value;
    }

    private void stream(ResultCursor cursor, RowWriter writer) {
        if (!cursor.isResultSet()) {
            writer.updateCount(cursor.updateCount());
            return;
        }
        writer.start(cursor.columns());
        long limit = maxRows == null ? Long.MAX_VALUE : maxRows;
        long written = 0;
        while (written < limit && cursor.hasMore()) {
            ResultPage page = cursor.nextPage((int) Math.min(FETCH_SIZE, limit - written));
            for (Object[] row : page.rows()) {
                writer.row(row);
            }
            written += page.size();
            if (root.out.checkError()) {
                // the reader went away (e.g. "| head"): stop the statement instead of reading on
                cursor.cancel();
                return;
            }
        }
        boolean more = cursor.hasMore();
        writer.end(written, more);
        if (more && format != RowWriter.Format.TABLE) {
            root.err.println("sextant: stopped after " + written + " rows (--max-rows); more rows remain.");
        }
    }

    private String statement() throws IOException {
        if ((sql == null) == (file == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Give the SQL either as an argument or with -f FILE (not both, not neither).");
        }
        if (sql != null) {
            return sql;
        }
        if (file.equals("-")) {
            return new String(root.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CliException.notFound("There is no file " + file + ".");
        }
    }
}
