package dev.sextant.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One statement with its bind parameters found: {@code ?}, {@code $1}, {@code :name} (PostgreSQL, H2)
 * and {@code @name} (BigQuery), only where they are really parameters, never inside strings, comments,
 * quoted names, {@code ::} casts, jsonb operators ({@code ?}, {@code ?|}, {@code ?&}) or dollar-quoted
 * bodies.
 *
 * <p>For JDBC, {@link #bind} rewrites every parameter to {@code ?} (pgjdbc binds only {@code ?}) and
 * escapes PostgreSQL's {@code ?} operators as {@code ??}, so the driver does not take them for
 * parameters; it keeps a map back to the original text so a database error position still lands on the
 * right character in the editor.
 */
public final class ParameterizedSql {

    /** One place a parameter occurs in the original text. */
    public record Occurrence(String name, int start, int end) {
    }

    /** What is sent to the connector, and how to map an error position back to the original text. */
    public record Bound(String sql, List<Object> values, int[] editEnds, int[] editShifts) {

        /** The offset in the original statement of an offset in {@link #sql()}. */
        public int toOriginal(int position) {
            int shift = 0;
            for (int i = 0; i < editEnds.length && position >= editEnds[i]; i++) {
                shift = editShifts[i];
            }
            return Math.max(0, position - shift);
        }
    }

    private final String sql;
    private final Syntax syntax;
    private final List<Occurrence> occurrences;
    private final List<Token> jsonbOperators;

    private ParameterizedSql(String sql, Syntax syntax, List<Occurrence> occurrences, List<Token> jsonbOperators) {
        this.sql = sql;
        this.syntax = syntax;
        this.occurrences = List.copyOf(occurrences);
        this.jsonbOperators = List.copyOf(jsonbOperators);
    }

    public static ParameterizedSql of(String sql, Syntax syntax) {
        List<Occurrence> found = new ArrayList<>();
        List<Token> operators = new ArrayList<>();
        int anonymous = 0;
        for (Token t : SqlLexer.tokenize(sql, syntax)) {
            if (t.type() == TokenType.PARAMETER) {
                String text = t.text(sql);
                String name = text.equals("?") ? "?" + (++anonymous) : text;
                found.add(new Occurrence(name, t.start(), t.end()));
            } else if (t.type() == TokenType.OPERATOR && sql.charAt(t.start()) == '?' && syntax == Syntax.POSTGRESQL) {
                operators.add(t);
            }
        }
        return new ParameterizedSql(sql, syntax, found, operators);
    }

    public String sql() {
        return sql;
    }

    public List<Occurrence> occurrences() {
        return occurrences;
    }

    /** The distinct parameters in order of first appearance, as written: {@code ?1}, {@code $1}, {@code :id}, {@code @country}. */
    public List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        occurrences.forEach(o -> names.add(o.name()));
        return List.copyOf(names);
    }

    public boolean hasParameters() {
        return !occurrences.isEmpty();
    }

    /**
     * The statement and values as the connector takes them.
     *
     * @param values a value for each of {@link #names()} (null binds SQL NULL)
     * @throws IllegalArgumentException when a value is missing or BigQuery would be given a mix of named
     *                                  and positional parameters
     */
    public Bound bind(Map<String, Object> values) {
        for (String name : names()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value for parameter " + name + ".");
            }
        }
        if (syntax == Syntax.BIGQUERY) {
            return bindBigQuery(values);
        }
        StringBuilder out = new StringBuilder(sql.length() + 8);
        List<Object> bound = new ArrayList<>();
        List<int[]> edits = new ArrayList<>(); // {end of the replacement in the output, shift so far}
        int copied = 0;
        int shift = 0;
        int o = 0;
        int j = 0;
        while (o < occurrences.size() || j < jsonbOperators.size()) {
            boolean param = j >= jsonbOperators.size()
                    || o < occurrences.size() && occurrences.get(o).start() < jsonbOperators.get(j).start();
            int start = param ? occurrences.get(o).start() : jsonbOperators.get(j).start();
            int end = param ? occurrences.get(o).end() : jsonbOperators.get(j).end();
            out.append(sql, copied, start);
            String replacement = param ? "?" : "?" + sql.substring(start, end);
            out.append(replacement);
            shift += replacement.length() - (end - start);
            edits.add(new int[] {out.length(), shift});
            if (param) {
                bound.add(values.get(occurrences.get(o).name()));
                o++;
            } else {
                j++;
            }
            copied = end;
        }
        out.append(sql, copied, sql.length());
        int[] starts = new int[edits.size()];
        int[] shifts = new int[edits.size()];
        for (int i = 0; i < edits.size(); i++) {
            starts[i] = edits.get(i)[0];
            shifts[i] = edits.get(i)[1];
        }
        return new Bound(out.toString(), bound, starts, shifts);
    }

    private Bound bindBigQuery(Map<String, Object> values) {
        boolean named = occurrences.stream().anyMatch(o -> o.name().startsWith("@"));
        boolean positional = occurrences.stream().anyMatch(o -> o.name().startsWith("?"));
        if (named && positional) {
            throw new IllegalArgumentException("BigQuery does not take named (@name) and positional (?) parameters in "
                    + "one statement: use one kind.");
        }
        List<Object> bound = new ArrayList<>();
        if (named) {
            for (String name : names()) {
                bound.add(new java.util.AbstractMap.SimpleImmutableEntry<>(name.substring(1), values.get(name)));
            }
        } else {
            occurrences.forEach(o -> bound.add(values.get(o.name())));
        }
        return new Bound(sql, bound, new int[0], new int[0]);
    }
}
