package dev.sextant.schema;

import java.util.List;

/**
 * An index over columns (or expressions, spelled as the database reports them).
 *
 * @param definition the database's full statement for the index (e.g. PostgreSQL's
 *                   {@code CREATE INDEX ... USING btree (lower(email))}), or empty where the database has none;
 *                   it keeps what the column list cannot (method, partial predicate, INCLUDE columns)
 */
public record Index(String name, List<String> columns, boolean unique, String comment, String definition) {
    public Index {
        columns = List.copyOf(columns);
        comment = comment == null ? "" : comment;
        definition = definition == null ? "" : definition;
    }

    /** An index whose database reports no definition text. */
    public Index(String name, List<String> columns, boolean unique, String comment) {
        this(name, columns, unique, comment, "");
    }
}
