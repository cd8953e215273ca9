package dev.sextant.schema;

import java.util.List;
import java.util.Optional;

/**
 * A scanned schema (or dataset) with its objects, each list sorted by name.
 *
 * @param types user-defined types (enums, domains, composites); empty where the database has none
 */
public record Schema(SchemaRef ref, List<Table> tables, List<Routine> routines, List<Sequence> sequences,
                     List<TypeDef> types) {
    public Schema {
        tables = List.copyOf(tables);
        routines = List.copyOf(routines);
        sequences = List.copyOf(sequences);
        types = types == null ? List.of() : List.copyOf(types);
    }

    /** A schema of a database without user-defined types. */
    public Schema(SchemaRef ref, List<Table> tables, List<Routine> routines, List<Sequence> sequences) {
        this(ref, tables, routines, sequences, List.of());
    }

    public String name() {
        return ref.name();
    }

    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }
}
