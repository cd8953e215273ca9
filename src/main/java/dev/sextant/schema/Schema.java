package dev.sextant.schema;

import java.util.List;
import java.util.Optional;

/** A scanned schema (or dataset) with its objects, each list sorted by name. */
public record Schema(SchemaRef ref, List<Table> tables, List<Routine> routines, List<Sequence> sequences) {
    public Schema {
        tables = List.copyOf(tables);
        routines = List.copyOf(routines);
        sequences = List.copyOf(sequences);
    }

    public String name() {
        return ref.name();
    }

    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }
}
