package dev.sextant.schema;

import java.util.List;

/** A primary key; {@code name} may be empty when the database generated none worth showing. */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        name = name == null ? "" : name;
        columns = List.copyOf(columns);
    }
}
