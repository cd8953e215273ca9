package dev.sextant.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The highlighting of a SQL text as runs of style classes, computed from the dialect's tokens: the
 * editor computes it off the JavaFX thread after typing pauses and applies only the newest result.
 */
public final class SqlHighlighter {

    public static final String KEYWORD = "sql-keyword";
    public static final String FUNCTION = "sql-function";
    public static final String STRING = "sql-string";
    public static final String BODY = "sql-body";
    public static final String COMMENT = "sql-comment";
    public static final String NUMBER = "sql-number";
    public static final String QUOTED_NAME = "sql-quoted-name";
    public static final String PARAMETER = "sql-parameter";
    public static final String OPERATOR = "sql-operator";
    public static final String UNTERMINATED = "sql-unterminated";

    private SqlHighlighter() {
    }

    /** Runs that cover the whole text in order; neighbouring tokens of one style are merged. */
    public static List<HighlightSpan> highlight(String text, Syntax syntax) {
        List<Token> tokens = SqlLexer.tokenize(text, syntax);
        List<HighlightSpan> spans = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            String style = switch (t.type()) {
                case WORD -> word(text, syntax, tokens, k);
                case COMMENT -> COMMENT;
                case STRING -> STRING;
                case DOLLAR_STRING -> BODY;
                case QUOTED_IDENTIFIER -> QUOTED_NAME;
                case NUMBER -> NUMBER;
                case PARAMETER -> PARAMETER;
                case OPERATOR -> OPERATOR;
                case UNTERMINATED -> UNTERMINATED;
                case WHITESPACE, PUNCTUATION -> "";
            };
            if (!spans.isEmpty() && spans.get(spans.size() - 1).style().equals(style)) {
                HighlightSpan last = spans.remove(spans.size() - 1);
                spans.add(new HighlightSpan(style, last.start(), t.end() - last.start()));
            } else {
                spans.add(new HighlightSpan(style, t.start(), t.length()));
            }
        }
        return spans;
    }

    /** A known function followed by {@code (} is a function; a keyword not followed by {@code .} is a keyword. */
    private static String word(String text, Syntax syntax, List<Token> tokens, int k) {
        String w = tokens.get(k).text(text);
        String next = "";
        for (int j = k + 1; j < tokens.size(); j++) {
            if (tokens.get(j).type() != TokenType.WHITESPACE) {
                next = tokens.get(j).text(text);
                break;
            }
        }
        boolean qualified = k > 0 && tokens.get(k - 1).text(text).equals(".") || next.equals(".");
        if (qualified) {
            return "";
        }
        if (next.equals("(") && syntax.isFunction(w)) {
            return FUNCTION;
        }
        return syntax.isKeyword(w) ? KEYWORD : "";
    }
}
