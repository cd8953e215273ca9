package dev.sextant.sql;

/** What a piece of SQL text is, as far as highlighting, splitting and parameter detection care. */
public enum TokenType {
    WHITESPACE,
    /** {@code -- ...}, {@code /* ... *}{@code /}, and {@code # ...} in BigQuery. */
    COMMENT,
    /** A string or bytes literal in any of the dialect's quotings. */
    STRING,
    /** A PostgreSQL or H2 dollar-quoted body, {@code $$ ... $$} or {@code $tag$ ... $tag$}. */
    DOLLAR_STRING,
    /** {@code "name"}, or {@code `name`} in BigQuery. */
    QUOTED_IDENTIFIER,
    /** A bare word: a keyword or a name. */
    WORD,
    NUMBER,
    /** A bind parameter: {@code ?}, {@code $1}, {@code :name}, {@code @name}. */
    PARAMETER,
    OPERATOR,
    /** {@code ( ) [ ] , . ;} */
    PUNCTUATION,
    /** A string, comment, quoted name or body that the text ends inside of. */
    UNTERMINATED
}
