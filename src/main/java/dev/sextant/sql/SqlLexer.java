package dev.sextant.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits SQL text into tokens the way the database reads it: strings (with each dialect's quotings and
 * escapes), quoted names, nested comments, dollar-quoted bodies and BigQuery's backtick names and
 * triple-quoted strings. Everything else in this package (highlighting, statement splitting, parameter
 * detection, autocomplete context) works on these tokens, so that a semicolon or a {@code ?} inside a
 * string, comment or body is never mistaken for code.
 *
 * <p>A {@code ?} is a parameter only where an operand is expected; after an operand it is PostgreSQL's
 * jsonb operator ({@code data ? 'key'}). {@code :name} inside a subscript is an array slice ({@code arr[lo:hi]}),
 * not a parameter; inside an {@code ARRAY[...]} constructor it is one.
 */
public final class SqlLexer {

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";
    /** Keywords after which an operand follows, so a {@code ?} there is a parameter. */
    private static final Set<String> LEADING_KEYWORDS = Set.of("SELECT", "WHERE", "AND", "OR", "NOT", "ON", "SET",
            "VALUES", "LIMIT", "OFFSET", "THEN", "ELSE", "WHEN", "CASE", "IN", "IS", "LIKE", "ILIKE", "BETWEEN", "BY",
            "HAVING", "RETURNING", "DISTINCT", "ALL", "ANY", "SOME", "EXISTS", "FETCH", "FIRST", "NEXT", "INTERVAL",
            "EXECUTE", "USING", "RETURN", "ARRAY", "TOP", "ROW", "ROWS", "ESCAPE", "SIMILAR", "TO", "AS", "FROM", "CALL",
            "DEFAULT", "FOR", "IF", "ELSEIF", "UNTIL", "WHILE", "QUALIFY", "OVER", "PARTITION", "RANGE", "INTO");

    private final CharSequence s;
    private final Syntax syntax;
    private final int n;
    private final List<Token> tokens = new ArrayList<>();
    /** Open brackets: true for an ARRAY[...] constructor, false for a subscript or slice. */
    private final java.util.ArrayDeque<Boolean> brackets = new java.util.ArrayDeque<>();
    private Token lastSignificant;

    private SqlLexer(CharSequence s, Syntax syntax) {
        this.s = s;
        this.syntax = syntax;
        this.n = s.length();
    }

    /** The tokens of {@code sql}, covering every character exactly once, in order. */
    public static List<Token> tokenize(CharSequence sql, Syntax syntax) {
        SqlLexer lexer = new SqlLexer(sql, syntax);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        int i = 0;
        while (i < n) {
            int start = i;
            TokenType type;
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                type = TokenType.WHITESPACE;
            } else if (c == '-' && at(i + 1) == '-' || c == '#' && syntax == Syntax.BIGQUERY) {
                i = lineEnd(i);
                type = TokenType.COMMENT;
            } else if (c == '/' && at(i + 1) == '*') {
                int end = blockCommentEnd(i);
                type = end < 0 ? TokenType.UNTERMINATED : TokenType.COMMENT;
                i = end < 0 ? n : end;
            } else if (stringStart(i) >= 0) {
                int quote = stringStart(i);
                int end = stringEnd(i, quote);
                type = end < 0 ? TokenType.UNTERMINATED : TokenType.STRING;
                i = end < 0 ? n : end;
            } else if (c == '"' && !syntax.doubleQuotedStrings() || c == '`' && syntax == Syntax.BIGQUERY
                    || (c == 'U' || c == 'u') && at(i + 1) == '&' && at(i + 2) == '"' && syntax == Syntax.POSTGRESQL) {
                int open = c == 'U' || c == 'u' ? i + 2 : i;
                int end = c == '`' ? escapedEnd(open + 1, '`') : doubledEnd(open + 1, s.charAt(open));
                type = end < 0 ? TokenType.UNTERMINATED : TokenType.QUOTED_IDENTIFIER;
                i = end < 0 ? n : end;
            } else if (c == '$' && syntax.dollarQuotes() && dollarTagEnd(i) > 0) {
                int tagEnd = dollarTagEnd(i);
                String tag = s.subSequence(i, tagEnd).toString();
                int close = indexOf(tag, tagEnd);
                type = close < 0 ? TokenType.UNTERMINATED : TokenType.DOLLAR_STRING;
                i = close < 0 ? n : close + tag.length();
            } else if (c == '$' && syntax != Syntax.BIGQUERY && isDigit(at(i + 1))) {
                i++;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                type = TokenType.PARAMETER;
            } else if (isDigit(c) || c == '.' && isDigit(at(i + 1))) {
                i = numberEnd(i);
                type = TokenType.NUMBER;
            } else if (isWordStart(c)) {
                i = wordEnd(i + 1);
                type = TokenType.WORD;
            } else if (c == '?') {
                i = question(i);
                type = s.charAt(start) == '?' && (i - start == 1 || isDigit(s.charAt(start + 1))) && parameterExpected()
                        ? TokenType.PARAMETER : TokenType.OPERATOR;
            } else if (c == ':') {
                if (at(i + 1) == ':' || at(i + 1) == '=') {
                    i += 2;
                    type = TokenType.OPERATOR;
                } else if (syntax != Syntax.BIGQUERY && isWordStart(at(i + 1)) && (brackets.isEmpty() || brackets.peek())) {
                    i = wordEnd(i + 2);
                    type = TokenType.PARAMETER;
                } else {
                    i++;
                    type = TokenType.OPERATOR;
                }
            } else if (c == '@' && syntax == Syntax.BIGQUERY) {
                if (at(i + 1) == '@' && isWordStart(at(i + 2))) {
                    i = wordEnd(i + 3);
                    type = TokenType.WORD; // a system variable such as @@project_id
                } else if (isWordStart(at(i + 1))) {
                    i = wordEnd(i + 2);
                    type = TokenType.PARAMETER;
                } else {
                    i++;
                    type = TokenType.OPERATOR;
                }
            } else if ("()[],;.".indexOf(c) >= 0) {
                i++;
                type = TokenType.PUNCTUATION;
                if (c == '[') {
                    brackets.push(lastSignificant != null && lastSignificant.type() == TokenType.WORD
                            && lastSignificant.text(s).equalsIgnoreCase("ARRAY"));
                } else if (c == ']' && !brackets.isEmpty()) {
                    brackets.pop();
                } else if (c == ';') {
                    brackets.clear();
                }
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                i = operatorEnd(i);
                type = TokenType.OPERATOR;
            } else {
                i++;
                type = TokenType.OPERATOR;
            }
            Token t = new Token(type, start, i);
            tokens.add(t);
            if (t.significant()) {
                lastSignificant = t;
            }
        }
    }

    private char at(int i) {
        return i < n ? s.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private int wordEnd(int i) {
        while (i < n && (isWordPart(s.charAt(i)) && !(s.charAt(i) == '$' && syntax == Syntax.BIGQUERY))) {
            i++;
        }
        return i;
    }

    private int lineEnd(int i) {
        while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The end of a block comment starting at {@code i}, or -1 when the text ends inside it. */
    private int blockCommentEnd(int i) {
        int depth = 0;
        while (i < n) {
            if (s.charAt(i) == '/' && at(i + 1) == '*') {
                depth = syntax.nestedComments() || depth == 0 ? depth + 1 : depth;
                i += 2;
            } else if (s.charAt(i) == '*' && at(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * Where the opening quote of a string literal is, when one starts at {@code i} (possibly after a
     * prefix such as {@code E}, {@code X}, {@code U&}, {@code r}, {@code b} or {@code rb}); else -1.
     */
    private int stringStart(int i) {
        char c = s.charAt(i);
        if (c == '\'' || c == '"' && syntax.doubleQuotedStrings()) {
            return i;
        }
        if (lastSignificant != null && lastSignificant.end() == i && lastSignificant.type() == TokenType.WORD) {
            return -1;
        }
        char lower = Character.toLowerCase(c);
        if (syntax == Syntax.BIGQUERY) {
            int j = i;
            String prefix = "";
            while (j < n && j - i < 2 && "rb".indexOf(Character.toLowerCase(s.charAt(j))) >= 0) {
                prefix += Character.toLowerCase(s.charAt(j));
                j++;
            }
            boolean valid = prefix.equals("r") || prefix.equals("b") || prefix.equals("rb") || prefix.equals("br");
            return valid && (at(j) == '\'' || at(j) == '"') ? j : -1;
        }
        if ("ebxn".indexOf(lower) >= 0 && at(i + 1) == '\'') {
            return i + 1;
        }
        if (lower == 'u' && at(i + 1) == '&' && at(i + 2) == '\'' && syntax == Syntax.POSTGRESQL) {
            return i + 2;
        }
        return -1;
    }

    /** The end of the string whose opening quote is at {@code quote}, or -1 when unterminated. */
    private int stringEnd(int start, int quote) {
        char q = s.charAt(quote);
        String prefix = s.subSequence(start, quote).toString().toLowerCase(Locale.ROOT);
        if (syntax == Syntax.BIGQUERY) {
            boolean raw = prefix.contains("r");
            if (at(quote + 1) == q && at(quote + 2) == q) {
                String triple = String.valueOf(q).repeat(3);
                int i = quote + 3;
                while (i < n) {
                    if (!raw && s.charAt(i) == '\\') {
                        i += 2;
                    } else if (s.subSequence(i, Math.min(n, i + 3)).toString().equals(triple)) {
                        return i + 3;
                    } else {
                        i++;
                    }
                }
                return -1;
            }
            return raw ? rawEnd(quote + 1, q) : escapedEnd(quote + 1, q);
        }
        if (prefix.equals("e")) {
            // E'...' takes backslash escapes and doubled quotes
            int i = quote + 1;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == q && at(i + 1) == q) {
                    i += 2;
                } else if (c == q) {
                    return i + 1;
                } else {
                    i++;
                }
            }
            return -1;
        }
        return doubledEnd(quote + 1, q);
    }

    /** Quoted text where the quote is escaped by doubling it. */
    private int doubledEnd(int i, char q) {
        while (i < n) {
            if (s.charAt(i) == q) {
                if (at(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** Quoted text where a backslash escapes the next character. */
    private int escapedEnd(int i, char q) {
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == q || c == '\n' && q != '`') {
                return c == q ? i + 1 : -1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** A raw string: no escapes, ends at the next quote. */
    private int rawEnd(int i, char q) {
        while (i < n) {
            if (s.charAt(i) == q) {
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** The end of a {@code $tag$} opening at {@code i}, or -1 when none starts there. */
    private int dollarTagEnd(int i) {
        int j = i + 1;
        if (at(j) == '$') {
            return j + 1;
        }
        if (!isWordStart(at(j))) {
            return -1;
        }
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return at(j) == '$' ? j + 1 : -1;
    }

    private int indexOf(String needle, int from) {
        int last = n - needle.length();
        outer:
        for (int i = from; i <= last; i++) {
            for (int k = 0; k < needle.length(); k++) {
                if (s.charAt(i + k) != needle.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private int numberEnd(int i) {
        if (s.charAt(i) == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X') && syntax != Syntax.POSTGRESQL) {
            i += 2;
            while (i < n && Character.digit(s.charAt(i), 16) >= 0) {
                i++;
            }
            return i;
        }
        while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_' && syntax == Syntax.POSTGRESQL)) {
            i++;
        }
        if (at(i) == '.' && at(i + 1) != '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        }
        if ((at(i) == 'e' || at(i) == 'E') && (isDigit(at(i + 1)) || (at(i + 1) == '+' || at(i + 1) == '-') && isDigit(at(i + 2)))) {
            i += 2;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    /** A {@code ?} and what belongs to it: H2's {@code ?1}, or a PostgreSQL operator such as {@code ?|}. */
    private int question(int i) {
        int j = i + 1;
        if (syntax == Syntax.H2) {
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
            return j;
        }
        if (syntax == Syntax.POSTGRESQL && parameterExpected()) {
            return j;
        }
        if (syntax == Syntax.POSTGRESQL) {
            while (j < n && "|&-#".indexOf(s.charAt(j)) >= 0) {
                j++;
            }
        }
        return j;
    }

    /** Whether the previous token leaves an operand to come, so a {@code ?} here is a parameter. */
    private boolean parameterExpected() {
        Token prev = lastSignificant;
        if (prev == null || syntax != Syntax.POSTGRESQL) {
            return true;
        }
        String text = prev.text(s);
        return switch (prev.type()) {
            case WORD -> LEADING_KEYWORDS.contains(text.toUpperCase(Locale.ROOT));
            case PUNCTUATION -> !text.equals(")") && !text.equals("]");
            case OPERATOR -> true;
            default -> false;
        };
    }

    private int operatorEnd(int i) {
        i++;
        while (i < n && OPERATOR_CHARS.indexOf(s.charAt(i)) >= 0 && s.charAt(i) != '`' && s.charAt(i) != '?'
                && !(s.charAt(i) == '-' && at(i + 1) == '-') && !(s.charAt(i) == '/' && at(i + 1) == '*')
                && !(s.charAt(i) == '#' && syntax == Syntax.BIGQUERY) && !(s.charAt(i) == '@' && syntax == Syntax.BIGQUERY)) {
            i++;
        }
        return i;
    }
}
