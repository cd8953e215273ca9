package dev.sextant.ui.explorer;

import dev.sextant.schema.ObjectKind;

/**
 * What one row of the schema tree shows.
 *
 * @param kind    the object's kind for its icon, or null for folders and messages
 * @param label   the main text
 * @param detail  dimmed text after the label (a column's type, a folder's count)
 * @param payload the model object behind the row (config, SchemaRef, Table, Column), or null
 */
public record ExplorerNode(Role role, ObjectKind kind, String label, String detail, Object payload) {

    /** What a row is, which decides how it loads and what double-click does. */
    public enum Role { CONNECTION, SCHEMA, FOLDER, OBJECT, COLUMN, LOADING, ERROR, EMPTY }

    public ExplorerNode {
        detail = detail == null ? "" : detail;
    }

    @Override
    public String toString() {
        return label;
    }
}
