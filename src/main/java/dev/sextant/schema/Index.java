package dev.sextant.schema;

import java.util.List;

/** An index over columns (or expressions, spelled as the database reports them). */
public record Index(String name, List<String> columns, boolean unique, String comment) {
    public Index {
        columns = List.copyOf(columns);
        comment = comment == null ? "" : comment;
    }
}
