package dev.sextant.sql;

import dev.sextant.schema.Column;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Autocomplete for the editor: what may be typed at the caret, from the scanned schema and the dialect's
 * keywords and functions. After FROM or JOIN it offers tables and schemas; after {@code alias.} the
 * columns of the table the alias stands for; after {@code schema.} that schema's tables; elsewhere the
 * columns of the tables the statement reads, then keywords and functions.
 */
public final class SqlCompleter {

    public static final int MAX_ITEMS = 200;
    private static final Set<String> TABLE_KEYWORDS = Set.of("FROM", "JOIN", "UPDATE", "INTO", "TABLE");
    private static final Set<String> CLAUSE_KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "GROUP", "ORDER", "HAVING",
            "JOIN", "ON", "SET", "LIMIT", "VALUES", "UNION", "RETURNING", "USING", "WINDOW", "QUALIFY");

    private final SchemaIndex index;
    private final UnaryOperator<String> quote;

    /** @param quote quotes a name where the dialect needs it (see {@code SqlDialect.quoteIdentifier}) */
    public SqlCompleter(SchemaIndex index, UnaryOperator<String> quote) {
        this.index = index;
        this.quote = quote;
    }

    /** A table the statement reads, and the alias it goes by there (or its own name). */
    record InScope(String alias, Table table) {
    }

    public Completions complete(String text, int caret) {
        Syntax syntax = index.syntax();
        SqlStatement statement = statementAround(text, caret, syntax);
        int base = statement.start();
        String sql = statement.text();
        int at = Math.min(Math.max(0, caret - base), sql.length());
        int wordStart = at;
        while (wordStart > 0 && SqlLexer.isWordPart(sql.charAt(wordStart - 1))) {
            wordStart--;
        }
        String prefix = sql.substring(wordStart, at);
        List<Token> tokens = SqlLexer.tokenize(sql, syntax);
        List<String> qualifier = qualifierBefore(sql, tokens, wordStart);
        List<InScope> scope = tablesInScope(sql, tokens);

        List<Completion> items = new ArrayList<>();
        if (!qualifier.isEmpty()) {
            qualified(qualifier, prefix, scope, items);
        } else if (tablePosition(sql, tokens, wordStart)) {
            tables(prefix, items, true);
            schemas(prefix, items);
        } else {
            for (InScope s : scope) {
                columns(s.table(), prefix, items, scope.size() > 1 ? s.alias() : null);
            }
            for (InScope s : scope) {
                if (!s.alias().equals(s.table().name()) && startsWith(s.alias(), prefix)) {
                    items.add(new Completion(Completion.Kind.ALIAS, s.alias(), s.alias(), "alias of " + s.table().name()));
                }
            }
            words(syntax.keywords(), prefix, Completion.Kind.KEYWORD, items);
            words(syntax.functions(), prefix, Completion.Kind.FUNCTION, items);
            if (!prefix.isEmpty()) {
                tables(prefix, items, true);
            }
        }
        return new Completions(base + wordStart, prefix, items.size() > MAX_ITEMS ? items.subList(0, MAX_ITEMS) : items);
    }

    /**
     * The statement being edited: the last one starting before the caret, stretched to the caret when no
     * semicolon ends it first (the caret after {@code FROM }), else the text after the last semicolon.
     */
    private static SqlStatement statementAround(String text, int caret, Syntax syntax) {
        SqlStatement last = null;
        for (SqlStatement s : StatementSplitter.split(text, syntax)) {
            if (s.start() <= caret) {
                last = s;
            }
        }
        if (last != null && (caret <= last.end() || text.substring(last.end(), caret).indexOf(';') < 0)) {
            int end = Math.max(last.end(), caret);
            return new SqlStatement(text.substring(last.start(), end), last.start(), end);
        }
        int from = last == null ? 0 : text.indexOf(';', last.end()) + 1;
        return new SqlStatement(text.substring(from, caret), from, caret);
    }

    /** The dotted names right before the word being typed: {@code o} in {@code o.na}, {@code s, t} in {@code s.t.na}. */
    private static List<String> qualifierBefore(String sql, List<Token> tokens, int wordStart) {
        List<String> parts = new ArrayList<>();
        int k = tokenEndingAt(tokens, wordStart);
        while (k >= 0 && tokens.get(k).text(sql).equals(".") && k > 0) {
            Token name = tokens.get(k - 1);
            if (name.type() != TokenType.WORD && name.type() != TokenType.QUOTED_IDENTIFIER) {
                break;
            }
            parts.add(0, unquote(name.text(sql)));
            k -= 2;
        }
        return parts;
    }

    /** The index of the token that ends exactly at {@code offset}, or -1. */
    private static int tokenEndingAt(List<Token> tokens, int offset) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).end() == offset) {
                return k;
            }
            if (tokens.get(k).start() >= offset) {
                break;
            }
        }
        return -1;
    }

    static String unquote(String name) {
        if (name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("`") && name.endsWith("`"))) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }

    /** Whether the word at {@code wordStart} names a table: right after FROM/JOIN/..., or after a comma in a FROM list. */
    private static boolean tablePosition(String sql, List<Token> tokens, int wordStart) {
        int depth = 0;
        boolean sawComma = false;
        for (int k = tokens.size() - 1; k >= 0; k--) {
            Token t = tokens.get(k);
            if (t.end() > wordStart || !t.significant()) {
                continue;
            }
            String text = t.text(sql);
            if (text.equals(")")) {
                depth++;
            } else if (text.equals("(")) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && text.equals(",")) {
                sawComma = true;
            } else if (depth == 0 && t.type() == TokenType.WORD) {
                String upper = text.toUpperCase(Locale.ROOT);
                if (TABLE_KEYWORDS.contains(upper)) {
                    return !sawComma || upper.equals("FROM");
                }
                if (CLAUSE_KEYWORDS.contains(upper) || !sawComma) {
                    return false;
                }
            } else if (!sawComma) {
                return false;
            }
        }
        return false;
    }

    /** Tables named after FROM and JOIN (at any depth) with their aliases. */
    List<InScope> tablesInScope(String sql, List<Token> all) {
        List<Token> tokens = all.stream().filter(Token::significant).toList();
        Map<String, InScope> found = new LinkedHashMap<>();
        for (int k = 0; k < tokens.size(); k++) {
            String word = tokens.get(k).type() == TokenType.WORD ? tokens.get(k).text(sql).toUpperCase(Locale.ROOT) : "";
            if (!word.equals("FROM") && !word.equals("JOIN") && !word.equals("UPDATE") && !word.equals("INTO")) {
                continue;
            }
            int j = k + 1;
            while (j < tokens.size()) {
                List<String> name = new ArrayList<>();
                while (j < tokens.size() && isName(tokens.get(j), index.syntax(), sql)) {
                    name.add(unquote(tokens.get(j).text(sql)));
                    if (j + 1 < tokens.size() && tokens.get(j + 1).text(sql).equals(".")) {
                        j += 2;
                    } else {
                        j++;
                        break;
                    }
                }
                if (name.isEmpty()) {
                    break;
                }
                if (index.syntax() == Syntax.BIGQUERY && name.size() == 1 && name.get(0).contains(".")) {
                    name = List.of(name.get(0).split("\\."));
                }
                String alias = null;
                if (j < tokens.size() && tokens.get(j).text(sql).equalsIgnoreCase("AS")) {
                    j++;
                }
                if (j < tokens.size() && isName(tokens.get(j), index.syntax(), sql)) {
                    alias = unquote(tokens.get(j).text(sql));
                    j++;
                }
                String tableName = name.get(name.size() - 1);
                String schemaName = name.size() >= 2 ? name.get(name.size() - 2) : null;
                Optional<Table> table = index.resolve(schemaName, tableName);
                if (table.isPresent()) {
                    String key = alias == null ? tableName : alias;
                    found.putIfAbsent(key.toLowerCase(Locale.ROOT), new InScope(key, table.get()));
                }
                if (j < tokens.size() && tokens.get(j).text(sql).equals(",") && word.equals("FROM")) {
                    j++;
                    continue;
                }
                break;
            }
        }
        return new ArrayList<>(found.values());
    }

    /** A name (not a keyword) or a quoted name. */
    private static boolean isName(Token t, Syntax syntax, String sql) {
        return t.type() == TokenType.QUOTED_IDENTIFIER
                || t.type() == TokenType.WORD && !syntax.isKeyword(t.text(sql));
    }

    private void qualified(List<String> qualifier, String prefix, List<InScope> scope, List<Completion> items) {
        String last = qualifier.get(qualifier.size() - 1);
        if (qualifier.size() == 1) {
            for (InScope s : scope) {
                if (s.alias().equalsIgnoreCase(last)) {
                    columns(s.table(), prefix, items, null);
                    return;
                }
            }
        }
        String schema = qualifier.size() >= 2 ? qualifier.get(qualifier.size() - 2) : null;
        Optional<Table> table = index.resolve(schema, last);
        if (table.isPresent() && (schema != null || !index.hasSchema(last))) {
            columns(table.get(), prefix, items, null);
            return;
        }
        if (index.hasSchema(last)) {
            for (Table t : index.tablesOf(last)) {
                if (startsWith(t.name(), prefix) && items.size() < MAX_ITEMS) {
                    items.add(tableItem(t, false));
                }
            }
        }
    }

    private void columns(Table table, String prefix, List<Completion> items, String alias) {
        for (Column c : table.columns()) {
            if (startsWith(c.name(), prefix)) {
                String insert = quote.apply(c.name());
                items.add(new Completion(Completion.Kind.COLUMN, insert, c.name(),
                        c.dataType().toLowerCase(Locale.ROOT) + " · " + (alias != null ? alias : table.name())));
            }
        }
    }

    private void tables(String prefix, List<Completion> items, boolean qualifyOutsideDefault) {
        for (Table t : index.tablesStartingWith(prefix, MAX_ITEMS)) {
            items.add(tableItem(t, qualifyOutsideDefault));
        }
    }

    private Completion tableItem(Table t, boolean qualifyOutsideDefault) {
        String schema = t.schema() == null ? "" : t.schema();
        boolean qualify = qualifyOutsideDefault && !schema.isEmpty()
                && !schema.equalsIgnoreCase(index.syntax().defaultSchema());
        String insert = qualify ? quote.apply(schema) + "." + quote.apply(t.name()) : quote.apply(t.name());
        boolean view = t.kind() == ObjectKind.VIEW || t.kind() == ObjectKind.MATERIALIZED_VIEW;
        return new Completion(view ? Completion.Kind.VIEW : Completion.Kind.TABLE, insert, t.name(),
                schema.isEmpty() ? (view ? "view" : "table") : schema);
    }

    private void schemas(String prefix, List<Completion> items) {
        for (String s : index.schemaNames()) {
            if (startsWith(s, prefix)) {
                items.add(new Completion(Completion.Kind.SCHEMA, quote.apply(s), s, "schema"));
            }
        }
    }

    private static void words(Set<String> words, String prefix, Completion.Kind kind, List<Completion> items) {
        if (prefix.isEmpty()) {
            return;
        }
        for (String w : words) {
            if (startsWith(w, prefix) && !w.equalsIgnoreCase(prefix)) {
                items.add(new Completion(kind, w, w, kind == Completion.Kind.KEYWORD ? "keyword" : "function"));
            }
        }
    }

    private static boolean startsWith(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
