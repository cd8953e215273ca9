package dev.sextant.cli;

import dev.sextant.config.ConnectionKind;
import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.ResultPage;
import dev.sextant.query.ChangeCheck;
import dev.sextant.sql.ParameterizedSql;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * {@code sextant query}: a statement on a saved connection, its rows streamed to stdout as they come from
 * the database (a server-side cursor on PostgreSQL), so memory stays flat for any row count. A script of
 * several statements runs them one by one, in order, on one connection, and writes each one's result in
 * turn (as the window's "Run script" does), stopping at the first that fails; a BigQuery script goes to
 * BigQuery whole, as one job.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run SQL on a saved connection and stream its rows to stdout.",
                "A script of several statements runs them in order, and writes each one's result in turn "
                        + "(BigQuery runs a script whole, as one job).",
                "Parameters fill the ? markers in order, across the statements; they are sent as text, which the "
                        + "database reads as the type the statement needs there."})
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
            List<SqlStatement> script = syntax == Syntax.BIGQUERY ? List.of() : StatementSplitter.split(statement, syntax);
            // checked before anything runs: each statement takes as many values as it has ? markers
            List<List<Object>> valuesEach = syntax == Syntax.BIGQUERY ? List.of() : valuesPerStatement(
                    script.size() > 1 ? script : List.of(new SqlStatement(statement, 0, statement.length())), values, syntax);
            if (config.kind() == ConnectionKind.PRODUCTION && !yes) {
                confirmOnProduction(config, statement, values, syntax, connector);
            }
            if (script.size() <= 1) {
                run(connector, statement, values, syntax, writer);
                return ExitCode.OK;
            }
            for (int i = 0; i < script.size(); i++) {
                SqlStatement s = script.get(i);
                if (i > 0) {
                    // results one after another: a blank line between tables and CSV blocks, a line each for JSON
                    if (format == RowWriter.Format.TABLE || format == RowWriter.Format.CSV) {
                        root.out.println();
                    }
                    writer = format.open(root.out);
                }
                try {
                    run(connector, s.text(), valuesEach.get(i), syntax, writer);
                } catch (ConnectorException e) {
                    String after = i + 1 < script.size() ? ", and the ones after it did not run" : "";
                    throw new ConnectorException(e.kind(), "Statement " + (i + 1) + " of " + script.size() + " failed" + after + ": "
                            + e.getMessage(),
                            e.position().map(p -> p + s.start()).orElse(null), e.sqlState().orElse(null), e);
                }
                if (root.out.checkError()) {
                    return ExitCode.OK;
                }
            }
        }
        return ExitCode.OK;
    }

    /**
     * Runs one statement and writes its rows or update count, cancelling it if the process is interrupted.
     * With values, its {@code ?} markers are bound as the window binds them, so that PostgreSQL's jsonb
     * {@code ?} operators are not taken for markers; an error's position still points into the text given.
     */
    private void run(BaseDBConnector connector, String sql, List<Object> values, Syntax syntax, RowWriter writer) {
        if (syntax == Syntax.BIGQUERY || values.isEmpty()) {
            open(connector, sql, values, writer);
            return;
        }
        ParameterizedSql parsed = ParameterizedSql.of(sql, syntax);
        Map<String, Object> byMarker = new HashMap<>();
        for (String name : parsed.names()) {
            if (!name.startsWith("?")) {
                throw new CliException(ExitCode.FAILED, "--param fills ? markers only; the statement also has " + name
                        + ". Write ? there instead.");
            }
            byMarker.put(name, values.get(byMarker.size()));
        }
        ParameterizedSql.Bound bound = parsed.bind(byMarker);
        try {
            open(connector, bound.sql(), bound.values(), writer);
        } catch (ConnectorException e) {
            throw new ConnectorException(e.kind(), e.getMessage(), e.position().map(bound::toOriginal).orElse(null),
                    e.sqlState().orElse(null), e);
        }
    }

    private void open(BaseDBConnector connector, String sql, List<Object> values, RowWriter writer) {
        try (ResultCursor cursor = connector.openCursor(sql, values, FETCH_SIZE)) {
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
        root.out.flush();
    }

    /**
     * The {@code --param} values split among a script's statements: each statement takes as many, in order,
     * as it has {@code ?} markers.
     */
    private List<List<Object>> valuesPerStatement(List<SqlStatement> script, List<Object> values, Syntax syntax) {
        List<List<Object>> each = new ArrayList<>();
        int next = 0;
        for (SqlStatement s : script) {
            int markers = (int) ParameterizedSql.of(s.text(), syntax).occurrences().stream()
                    .filter(o -> o.name().startsWith("?")).count();
            each.add(values.subList(Math.min(next, values.size()), Math.min(next + markers, values.size())));
            next += markers;
        }
        if (next != values.size()) {
            throw new CliException(ExitCode.FAILED, "The " + (script.size() == 1 ? "statement" : "script") + " has " + next
                    + " ? marker" + (next == 1 ? "" : "s") + " but " + values.size() + " --param value"
                    + (values.size() == 1 ? " was" : "s were") + " given. Nothing was run.");
        }
        return each;
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
        } catch (IOException e) {
            throw CliException.file("read", Path.of(file), e);
        }
    }
}
