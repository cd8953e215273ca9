package dev.sextant.sql;

/**
 * One suggestion of the autocomplete list.
 *
 * @param insert what replaces the word being typed, quoted and qualified as the dialect needs
 * @param label  what the list shows
 * @param detail a hint shown beside it, such as the column's type or the table's schema
 */
public record Completion(Kind kind, String insert, String label, String detail) {

    public enum Kind { COLUMN, TABLE, VIEW, SCHEMA, ALIAS, KEYWORD, FUNCTION }
}
