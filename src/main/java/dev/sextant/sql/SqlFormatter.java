package dev.sextant.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A plain layout for SQL: keywords in upper case, each clause on its own line, one select item or
 * condition per line, subqueries indented. It moves only whitespace and changes only the case of
 * keywords, so strings, comments, quoted names and bodies come out exactly as they went in.
 */
public final class SqlFormatter {

    private static final String INDENT = "    ";
    private static final Set<String> CLAUSES = Set.of("SELECT", "FROM", "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT",
            "OFFSET", "UNION", "EXCEPT", "INTERSECT", "VALUES", "SET", "RETURNING", "WINDOW", "QUALIFY", "JOIN",
            "LEFT", "RIGHT", "INNER", "FULL", "CROSS", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE", "ON");
    /** Words that continue the clause keyword before them rather than start a line (e.g. the JOIN of LEFT JOIN). */
    private static final Set<String> JOIN_PARTS = Set.of("JOIN", "OUTER");
    private static final Set<String> LIST_CLAUSES = Set.of("SELECT", "GROUP", "ORDER", "SET", "RETURNING");

    private SqlFormatter() {
    }

    public static String format(String sql, Syntax syntax) {
        List<Token> tokens = SqlLexer.tokenize(sql, syntax);
        StringBuilder out = new StringBuilder(sql.length() + sql.length() / 4);
        int depth = 0;
        String clause = "";
        String previousWord = "";
        boolean pendingSpace = false;
        boolean pendingNewline = false;
        for (Token t : tokens) {
            String text = t.text(sql);
            switch (t.type()) {
                case WHITESPACE -> {
                    pendingSpace = true;
                    continue;
                }
                case COMMENT -> {
                    separate(out, pendingSpace || pendingNewline, false, depth);
                    out.append(text);
                    pendingNewline = text.startsWith("--") || text.startsWith("#");
                    pendingSpace = false;
                    continue;
                }
                default -> {
                }
            }
            String upper = text.toUpperCase(Locale.ROOT);
            boolean keyword = t.type() == TokenType.WORD && syntax.isKeyword(text);
            boolean startsClause = keyword && CLAUSES.contains(upper)
                    && !(JOIN_PARTS.contains(upper) && Set.of("LEFT", "RIGHT", "INNER", "FULL", "CROSS", "OUTER", "NATURAL").contains(previousWord))
                    && !(upper.equals("UPDATE") && previousWord.equals("FOR"))
                    && !(upper.equals("SET") && !clause.equals("UPDATE"))
                    && !(upper.equals("ON") && !Set.of("JOIN", "LEFT", "RIGHT", "INNER", "FULL", "CROSS").contains(clause));
            if (startsClause) {
                newline(out, depth + (upper.equals("ON") ? 1 : 0));
                clause = upper;
                pendingSpace = false;
                pendingNewline = false;
            } else if (keyword && (upper.equals("AND") || upper.equals("OR")) && (clause.equals("WHERE") || clause.equals("HAVING") || clause.equals("ON"))) {
                newline(out, depth + 1);
                pendingSpace = false;
                pendingNewline = false;
            } else if (pendingNewline) {
                newline(out, depth + 1);
                pendingNewline = false;
                pendingSpace = false;
            } else if (t.type() != TokenType.PUNCTUATION || text.equals("(")) {
                separate(out, pendingSpace, text.equals("(") && !previousWord.isEmpty() && !keyword, depth);
            }
            pendingSpace = false;
            if (keyword) {
                out.append(upper);
                previousWord = upper;
            } else {
                out.append(text);
                previousWord = t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER ? "name" : "";
            }
            if (text.equals("(")) {
                depth++;
                previousWord = "";
            } else if (text.equals(")")) {
                depth = Math.max(0, depth - 1);
            } else if (text.equals(",") && LIST_CLAUSES.contains(clause)) {
                newline(out, depth + 1);
            } else if (text.equals(";")) {
                out.append('\n');
                depth = 0;
                clause = "";
            } else if (startsClause && LIST_CLAUSES.contains(upper) && !upper.equals("GROUP") && !upper.equals("ORDER")) {
                newline(out, depth + 1);
            } else if (keyword && upper.equals("BY") && (clause.equals("GROUP") || clause.equals("ORDER"))) {
                newline(out, depth + 1);
            }
        }
        return out.toString().strip() + (sql.endsWith("\n") ? "\n" : "");
    }

    /** A space between tokens where there was whitespace, none after an opening bracket or before a call's bracket. */
    private static void separate(StringBuilder out, boolean space, boolean callBracket, int depth) {
        if (out.length() == 0) {
            return;
        }
        char last = out.charAt(out.length() - 1);
        if (last == '\n' || last == ' ' || last == '(' || last == '.' || callBracket) {
            return;
        }
        if (space || last != '(' ) {
            out.append(' ');
        }
    }

    private static void newline(StringBuilder out, int level) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        if (end > 0 && out.charAt(end - 1) != '\n') {
            out.append('\n');
        }
        out.append(INDENT.repeat(level));
    }
}
