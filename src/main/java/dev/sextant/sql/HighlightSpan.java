package dev.sextant.sql;

/**
 * A run of characters drawn one way.
 *
 * @param style a style class such as {@code sql-keyword}, or empty for plain text
 */
public record HighlightSpan(String style, int start, int length) {

    public int end() {
        return start + length;
    }
}
