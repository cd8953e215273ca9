package dev.sextant.schema;

import java.util.List;

/** A foreign key from {@code columns} of the owning table to {@code referencedColumns} of another. */
public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                         List<String> referencedColumns, String comment) {
    public ForeignKey {
        name = name == null ? "" : name;
        comment = comment == null ? "" : comment;
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
