package dev.sextant.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table or table-like object (view, materialized view, external table, partition).
 *
 * @param kind        one of the relation kinds of {@link ObjectKind}
 * @param definition  the view's query or similar definition text, or empty
 * @param primaryKey  null when there is none
 * @param rowEstimate the database's row count or estimate, or -1 when unknown
 * @param constraints unique, check and exclusion constraints (keys have their own fields)
 * @param triggers    the table's triggers, sorted by name
 * @param storage     partitioning, clustering and size, where the database reports them
 */
public record Table(String schema, String name, ObjectKind kind, String comment, String definition,
                    List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                    List<Index> indexes, long rowEstimate, List<Constraint> constraints, List<Trigger> triggers,
                    TableStorage storage) {

    public Table {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!kind.isRelation()) {
            throw new IllegalArgumentException(kind + " is not a table-like kind");
        }
        comment = comment == null ? "" : comment;
        definition = definition == null ? "" : definition;
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        storage = storage == null ? TableStorage.UNKNOWN : storage;
    }

    /** A table of a database whose scan reports nothing about storage. */
    public Table(String schema, String name, ObjectKind kind, String comment, String definition,
                 List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                 List<Index> indexes, long rowEstimate, List<Constraint> constraints, List<Trigger> triggers) {
        this(schema, name, kind, comment, definition, columns, primaryKey, foreignKeys, indexes, rowEstimate,
                constraints, triggers, TableStorage.UNKNOWN);
    }

    /** A table of a database whose scan reports no constraints or triggers beyond its keys. */
    public Table(String schema, String name, ObjectKind kind, String comment, String definition,
                 List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                 List<Index> indexes, long rowEstimate) {
        this(schema, name, kind, comment, definition, columns, primaryKey, foreignKeys, indexes, rowEstimate,
                List.of(), List.of(), TableStorage.UNKNOWN);
    }

    public Optional<PrimaryKey> primaryKeyOpt() {
        return Optional.ofNullable(primaryKey);
    }

    public boolean isPrimaryKeyColumn(String column) {
        return primaryKey != null && primaryKey.columns().contains(column);
    }

    public boolean isForeignKeyColumn(String column) {
        return foreignKeys.stream().anyMatch(fk -> fk.columns().contains(column));
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
