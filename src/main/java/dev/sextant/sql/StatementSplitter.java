package dev.sextant.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a script into statements at the semicolons that end them. Semicolons inside strings, comments,
 * quoted names and dollar-quoted bodies are not ends (the lexer hides them); neither are those inside
 * PostgreSQL's {@code BEGIN ATOMIC ... END} function bodies or BigQuery's scripting blocks
 * ({@code BEGIN ... END}, {@code IF ... END IF}, {@code LOOP}, {@code WHILE}, {@code FOR}, {@code REPEAT},
 * {@code CASE}), which run as one statement.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    public static List<SqlStatement> split(String script, Syntax syntax) {
        List<Token> tokens = SqlLexer.tokenize(script, syntax);
        List<SqlStatement> out = new ArrayList<>();
        int depth = 0;
        int first = -1; // start of the first significant token of the current statement
        int last = -1;  // end of its last significant token
        boolean atStatementStart = true;
        Token previous = null;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (!t.significant()) {
                continue;
            }
            String word = t.type() == TokenType.WORD ? t.text(script).toUpperCase(Locale.ROOT) : "";
            if (t.type() == TokenType.PUNCTUATION && script.charAt(t.start()) == ';' && depth == 0) {
                if (first >= 0) {
                    out.add(new SqlStatement(script.substring(first, last), first, last));
                }
                first = -1;
                atStatementStart = true;
                previous = t;
                continue;
            }
            if (first < 0) {
                first = t.start();
            }
            last = t.end();
            depth = Math.max(0, depth + blockChange(script, syntax, tokens, k, word, previous, atStatementStart, depth));
            atStatementStart = t.type() == TokenType.PUNCTUATION && script.charAt(t.start()) == ';'
                    || word.equals("THEN") || word.equals("ELSE") || word.equals("DO") || word.equals("LOOP")
                    || word.equals("REPEAT") || (word.equals("BEGIN") && depth > 0);
            previous = t;
        }
        if (first >= 0) {
            out.add(new SqlStatement(script.substring(first, last), first, last));
        }
        return out;
    }

    /** How a word opens (+1) or closes (-1) a block in which semicolons do not end the statement. */
    private static int blockChange(String script, Syntax syntax, List<Token> tokens, int k, String word,
                                   Token previous, boolean atStatementStart, int depth) {
        if (word.isEmpty()) {
            return 0;
        }
        String next = nextWord(script, tokens, k);
        String prev = previous != null && previous.type() == TokenType.WORD
                ? previous.text(script).toUpperCase(Locale.ROOT) : "";
        switch (syntax) {
            case POSTGRESQL -> {
                if (word.equals("ATOMIC") && prev.equals("BEGIN")) {
                    return 1;
                }
                if (depth > 0 && word.equals("CASE")) {
                    return 1;
                }
                return depth > 0 && word.equals("END") ? -1 : 0;
            }
            case BIGQUERY -> {
                if (word.equals("END")) {
                    return -1; // END, END IF, END LOOP, ... each close one block
                }
                if (prev.equals("END")) {
                    return 0; // the IF of END IF
                }
                if (word.equals("CASE")) {
                    return 1;
                }
                if (word.equals("BEGIN")) {
                    boolean transaction = next.equals("TRANSACTION") || nextIsSemicolonOrEnd(script, tokens, k);
                    return transaction ? 0 : 1;
                }
                if (atStatementStart && (word.equals("IF") || word.equals("LOOP") || word.equals("WHILE")
                        || word.equals("FOR") || word.equals("REPEAT"))) {
                    return 1;
                }
                return 0;
            }
            default -> {
                return 0;
            }
        }
    }

    private static String nextWord(String script, List<Token> tokens, int k) {
        for (int j = k + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.significant()) {
                return t.type() == TokenType.WORD ? t.text(script).toUpperCase(Locale.ROOT) : "";
            }
        }
        return "";
    }

    private static boolean nextIsSemicolonOrEnd(String script, List<Token> tokens, int k) {
        for (int j = k + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.significant()) {
                return t.type() == TokenType.PUNCTUATION && script.charAt(t.start()) == ';';
            }
        }
        return true;
    }

    /**
     * The statement the caret is in: the one that contains it, else the last one that ends before it
     * (the caret just after a semicolon or on the blank line after a statement), else the first.
     */
    public static SqlStatement atCaret(List<SqlStatement> statements, int caret) {
        SqlStatement best = null;
        for (SqlStatement st : statements) {
            if (st.start() <= caret) {
                best = st;
            }
        }
        return best != null ? best : statements.isEmpty() ? null : statements.get(0);
    }
}
