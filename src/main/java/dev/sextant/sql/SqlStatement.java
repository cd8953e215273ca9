package dev.sextant.sql;

/**
 * One statement of a script and where it sits in the editor text.
 *
 * @param start offset of its first character (comments before it are left out)
 * @param end   offset just past its last character, before the terminating semicolon
 */
public record SqlStatement(String text, int start, int end) {

    /** Whether the offset is inside the statement or in the whitespace and semicolon that follow it. */
    public boolean contains(int offset) {
        return offset >= start && offset <= end;
    }
}
