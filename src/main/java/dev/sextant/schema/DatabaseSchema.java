package dev.sextant.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The whole scanned model of one connection: schemas grouped by catalog (database or project).
 * Immutable, so the UI can read it from any thread while a rescan builds a new one.
 */
public record DatabaseSchema(String productName, String productVersion, List<Schema> schemas) {

    public DatabaseSchema {
        productName = productName == null ? "" : productName;
        productVersion = productVersion == null ? "" : productVersion;
        schemas = List.copyOf(schemas);
    }

    /** Distinct catalog names, in the order their schemas appear. */
    public List<String> catalogs() {
        return schemas.stream().map(s -> s.ref().catalog()).distinct().toList();
    }

    public Optional<Schema> schema(String name) {
        return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Table> table(String schemaName, String tableName) {
        return schema(schemaName).flatMap(s -> s.table(tableName));
    }

    /**
     * Every object whose name contains {@code text}, ignoring case: schemas, tables and views, columns
     * (nested ones too), indexes, foreign keys, other constraints, triggers, routines, sequences and types.
     * Exact-name hits come first.
     */
    public List<SchemaMatch> search(String text) {
        String needle = text.toLowerCase(Locale.ROOT).trim();
        List<SchemaMatch> hits = new ArrayList<>();
        if (needle.isEmpty()) {
            return hits;
        }
        for (Schema s : schemas) {
            String catalog = s.ref().catalog();
            add(hits, needle, ObjectKind.SCHEMA, catalog, "", "", s.name());
            for (Table t : s.tables()) {
                add(hits, needle, t.kind(), catalog, s.name(), "", t.name());
                addColumns(hits, needle, catalog, s.name(), t.name(), "", t.columns());
                for (Index i : t.indexes()) {
                    add(hits, needle, ObjectKind.INDEX, catalog, s.name(), t.name(), i.name());
                }
                for (ForeignKey fk : t.foreignKeys()) {
                    add(hits, needle, ObjectKind.FOREIGN_KEY, catalog, s.name(), t.name(), fk.name());
                }
                for (Constraint c : t.constraints()) {
                    add(hits, needle, ObjectKind.CONSTRAINT, catalog, s.name(), t.name(), c.name());
                }
                for (Trigger tr : t.triggers()) {
                    add(hits, needle, ObjectKind.TRIGGER, catalog, s.name(), t.name(), tr.name());
                }
            }
            for (Routine r : s.routines()) {
                add(hits, needle, ObjectKind.ROUTINE, catalog, s.name(), "", r.name());
            }
            for (Sequence q : s.sequences()) {
                add(hits, needle, ObjectKind.SEQUENCE, catalog, s.name(), "", q.name());
            }
            for (TypeDef type : s.types()) {
                add(hits, needle, ObjectKind.TYPE, catalog, s.name(), "", type.name());
            }
        }
        hits.sort((a, b) -> Boolean.compare(!isExact(a, needle), !isExact(b, needle)));
        return hits;
    }

    /** Whether the object's own name (the last part of a nested column's path) is the search text. */
    private static boolean isExact(SchemaMatch match, String needle) {
        String name = match.name();
        return name.substring(name.lastIndexOf('.') + 1).equalsIgnoreCase(needle);
    }

    private static void addColumns(List<SchemaMatch> hits, String needle, String catalog, String schema,
                                   String table, String prefix, List<Column> columns) {
        for (Column c : columns) {
            String name = prefix.isEmpty() ? c.name() : prefix + "." + c.name();
            if (c.name().toLowerCase(Locale.ROOT).contains(needle)) {
                hits.add(new SchemaMatch(ObjectKind.COLUMN, catalog, schema, table, name));
            }
            addColumns(hits, needle, catalog, schema, table, name, c.children());
        }
    }

    private static void add(List<SchemaMatch> hits, String needle, ObjectKind kind, String catalog,
                            String schema, String table, String name) {
        if (name != null && name.toLowerCase(Locale.ROOT).contains(needle)) {
            hits.add(new SchemaMatch(kind, catalog, schema, table, name));
        }
    }
}
