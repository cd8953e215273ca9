package dev.sextant.schema;

import java.util.List;

/** A foreign key from {@code columns} of the owning table to {@code referencedColumns} of another. */
public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                         List<String> referencedColumns) {
    public ForeignKey {
        name = name == null ? "" : name;
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
