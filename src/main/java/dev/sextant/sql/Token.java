package dev.sextant.sql;

/**
 * One piece of lexed SQL: a type and its half-open range {@code [start, end)} in the source text.
 * Tokens keep no text of their own, so lexing a long script allocates little.
 */
public record Token(TokenType type, int start, int end) {

    public int length() {
        return end - start;
    }

    public String text(CharSequence source) {
        return source.subSequence(start, end).toString();
    }

    /** Whether this token carries meaning for parsing (not whitespace or a comment). */
    public boolean significant() {
        return type != TokenType.WHITESPACE && type != TokenType.COMMENT;
    }
}
