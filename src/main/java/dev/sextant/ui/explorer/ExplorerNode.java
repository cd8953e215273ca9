package dev.sextant.ui.explorer;

import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.Table;

/**
 * What one row of the schema tree shows.
 *
 * @param kind    the object's kind for its icon, or null for folders and messages
 * @param label   the main text
 * @param detail  dimmed text after the label (a column's type, a folder's count)
 * @param payload the model object behind the row (config, SchemaRef, Table, Column, …), or null
 * @param schema  the schema the object belongs to, or null above the schema level
 * @param owner   the table a column, index, key, constraint or trigger belongs to, or null
 * @param path    a column's path from its table, e.g. {@code address.geo.lat} for a nested field; else the label
 */
public record ExplorerNode(Role role, ObjectKind kind, String label, String detail, Object payload, String schema,
                           Table owner, String path) {

    /** What a row is, which decides how it loads and what double-click does. */
    public enum Role { CONNECTION, SCHEMA, FOLDER, OBJECT, COLUMN, LOADING, ERROR, EMPTY }

    public ExplorerNode {
        detail = detail == null ? "" : detail;
        path = path == null ? label : path;
    }

    /** A row without a place in a schema (the connection, a folder, a message). */
    public ExplorerNode(Role role, ObjectKind kind, String label, String detail, Object payload) {
        this(role, kind, label, detail, payload, null, null, null);
    }

    @Override
    public String toString() {
        return label;
    }
}
