package dev.sextant.ui.explorer;

import dev.sextant.schema.Column;
import dev.sextant.schema.Constraint;
import dev.sextant.schema.ForeignKey;
import dev.sextant.schema.Index;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.Routine;
import dev.sextant.schema.Schema;
import dev.sextant.schema.Sequence;
import dev.sextant.schema.Table;
import dev.sextant.schema.Trigger;
import dev.sextant.schema.TypeDef;
import dev.sextant.ui.Bytes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.TreeItem;

/**
 * Turns the schema model into tree rows: folders of tables, views, foreign tables, sequences, types and
 * routines; under a table its columns (record columns with their fields nested, as deep as they go),
 * partitions, indexes, constraints, triggers and foreign keys. It knows no connector: whatever the scan
 * returns is shown. Pure and quick, so it runs on background threads and its rows are handed to the tree.
 */
final class TreeBuilder {

    private static final Pattern PARTITION_OF = Pattern.compile("PARTITION OF (?:\\S+\\.)?\"?([^\\s\"]+)\"?");

    private TreeBuilder() {
    }

    /** Folders for each kind of object the schema has; empty kinds are left out. */
    static List<TreeItem<ExplorerNode>> schemaContents(Schema schema) {
        String s = schema.name();
        List<TreeItem<ExplorerNode>> folders = new ArrayList<>();
        Map<String, List<Table>> partitions = partitionsByParent(schema);
        addFolder(folders, "Tables", schema.tables(),
                t -> !isViewLike(t.kind()) && t.kind() != ObjectKind.EXTERNAL_TABLE && t.kind() != ObjectKind.PARTITION, partitions);
        addFolder(folders, "Views", schema.tables(), t -> isViewLike(t.kind()), partitions);
        addFolder(folders, "External tables", schema.tables(), t -> t.kind() == ObjectKind.EXTERNAL_TABLE, partitions);
        List<Table> orphans = schema.tables().stream().filter(t -> t.kind() == ObjectKind.PARTITION
                && partitions.values().stream().noneMatch(list -> list.contains(t))).toList();
        addFolder(folders, "Partitions", orphans, t -> true, Map.of());
        if (!schema.sequences().isEmpty()) {
            TreeItem<ExplorerNode> folder = folder("Sequences", schema.sequences().size());
            for (Sequence q : schema.sequences()) {
                folder.getChildren().add(leaf(ObjectKind.SEQUENCE, q.name(), q.dataType(), q, s, null));
            }
            folders.add(folder);
        }
        if (!schema.types().isEmpty()) {
            TreeItem<ExplorerNode> folder = folder("Types", schema.types().size());
            for (TypeDef type : schema.types()) {
                folder.getChildren().add(leaf(ObjectKind.TYPE, type.name(), type.kind().name().toLowerCase(Locale.ROOT)
                        + (type.elements().isEmpty() ? "" : " · " + String.join(", ", type.elements())), type, s, null));
            }
            folders.add(folder);
        }
        if (!schema.routines().isEmpty()) {
            TreeItem<ExplorerNode> folder = folder("Routines", schema.routines().size());
            for (Routine r : schema.routines()) {
                folder.getChildren().add(leaf(ObjectKind.ROUTINE, r.name(), r.returnType(), r, s, null));
            }
            folders.add(folder);
        }
        return folders;
    }

    static boolean isViewLike(ObjectKind kind) {
        return kind == ObjectKind.VIEW || kind == ObjectKind.MATERIALIZED_VIEW;
    }

    private static void addFolder(List<TreeItem<ExplorerNode>> folders, String name, List<Table> tables,
                                  Predicate<Table> filter, Map<String, List<Table>> partitions) {
        List<Table> chosen = tables.stream().filter(filter).toList();
        if (chosen.isEmpty()) {
            return;
        }
        TreeItem<ExplorerNode> folder = folder(name, chosen.size());
        List<TreeItem<ExplorerNode>> rows = new ArrayList<>(chosen.size());
        for (Table t : chosen) {
            rows.add(new TableItem(t, partitions.getOrDefault(t.name(), List.of()), null));
        }
        folder.getChildren().setAll(rows);
        folders.add(folder);
    }

    /** Partitions grouped under the table they belong to (named in their definition, "PARTITION OF parent ..."). */
    static Map<String, List<Table>> partitionsByParent(Schema schema) {
        Map<String, List<Table>> byParent = new LinkedHashMap<>();
        for (Table t : schema.tables()) {
            if (t.kind() == ObjectKind.PARTITION) {
                Matcher m = PARTITION_OF.matcher(t.definition());
                if (m.find() && schema.table(m.group(1)).isPresent()) {
                    byParent.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(t);
                }
            }
        }
        return byParent;
    }

    static TreeItem<ExplorerNode> folder(String name, int count) {
        return new TreeItem<>(new ExplorerNode(ExplorerNode.Role.FOLDER, null, name, String.valueOf(count), null));
    }

    private static TreeItem<ExplorerNode> leaf(ObjectKind kind, String name, String detail, Object payload, String schema, Table owner) {
        return new TreeItem<>(new ExplorerNode(ExplorerNode.Role.OBJECT, kind, name, detail, payload, schema, owner, null));
    }

    /** The table's own row; its columns and other parts are made when it is opened. */
    static TreeItem<ExplorerNode> tableItem(Table table) {
        return new TableItem(table, List.of(), null);
    }

    static ExplorerNode tableNode(Table table) {
        String detail = table.rowEstimate() >= 0 ? String.format("~%,d rows", table.rowEstimate()) : "";
        if (table.storage().sizeBytes() >= 0) {
            detail = (detail.isEmpty() ? "" : detail + " · ") + Bytes.format(table.storage().sizeBytes(), 1);
        }
        return new ExplorerNode(ExplorerNode.Role.OBJECT, table.kind(), table.name(), detail, table, table.schema(), null, null);
    }

    /**
     * A column and, for a record column, its fields below it.
     *
     * @param withChildren whether to add the nested fields (a filtered tree adds only the matching ones)
     */
    static TreeItem<ExplorerNode> columnItem(Table table, Column c, String path, boolean withChildren) {
        TreeItem<ExplorerNode> item = new TreeItem<>(new ExplorerNode(ExplorerNode.Role.COLUMN, ObjectKind.COLUMN,
                c.name(), columnDetail(table, c, path), c, table.schema(), table, path));
        if (withChildren) {
            for (Column child : c.children()) {
                item.getChildren().add(columnItem(table, child, path + "." + child.name(), true));
            }
        }
        return item;
    }

    static void addParts(TreeItem<ExplorerNode> item, Table table) {
        String s = table.schema();
        if (!table.indexes().isEmpty()) {
            TreeItem<ExplorerNode> indexes = folder("Indexes", table.indexes().size());
            for (Index i : table.indexes()) {
                indexes.getChildren().add(leaf(ObjectKind.INDEX, i.name(), (i.unique() ? "unique · " : "")
                        + String.join(", ", i.columns()), i, s, table));
            }
            item.getChildren().add(indexes);
        }
        if (!table.constraints().isEmpty()) {
            TreeItem<ExplorerNode> constraints = folder("Constraints", table.constraints().size());
            for (Constraint c : table.constraints()) {
                constraints.getChildren().add(leaf(ObjectKind.CONSTRAINT, c.name(), c.definition(), c, s, table));
            }
            item.getChildren().add(constraints);
        }
        if (!table.triggers().isEmpty()) {
            TreeItem<ExplorerNode> triggers = folder("Triggers", table.triggers().size());
            for (Trigger tr : table.triggers()) {
                triggers.getChildren().add(leaf(ObjectKind.TRIGGER, tr.name(), tr.event(), tr, s, table));
            }
            item.getChildren().add(triggers);
        }
        if (!table.foreignKeys().isEmpty()) {
            TreeItem<ExplorerNode> keys = folder("Foreign keys", table.foreignKeys().size());
            for (ForeignKey fk : table.foreignKeys()) {
                keys.getChildren().add(leaf(ObjectKind.FOREIGN_KEY, fk.name(), String.join(", ", fk.columns()) + " → "
                        + fk.referencedTable() + "(" + String.join(", ", fk.referencedColumns()) + ")", fk, s, table));
            }
            item.getChildren().add(keys);
        }
    }

    /** The table's comment, then how it is partitioned and clustered where the database says. */
    static String tableTooltip(Table t) {
        StringBuilder sb = new StringBuilder(t.comment());
        if (!t.storage().partitioning().isEmpty()) {
            sb.append(sb.length() == 0 ? "" : "\n").append("Partitioned by ").append(t.storage().partitioning());
        }
        if (!t.storage().clustering().isEmpty()) {
            sb.append(sb.length() == 0 ? "" : "\n").append("Clustered by ").append(String.join(", ", t.storage().clustering()));
        }
        return sb.toString();
    }

    /**
     * e.g. "bigint · PK", "character varying(160) · not null", "record · 2 fields" for a nested column, or
     * "string · repeated" for an array field.
     */
    static String columnDetail(Table table, Column c, String path) {
        StringBuilder sb = new StringBuilder(c.dataType().toLowerCase(Locale.ROOT));
        if (c.repeated()) {
            sb.append(" · repeated");
        }
        boolean topLevel = !path.contains(".");
        if (topLevel && table.isPrimaryKeyColumn(c.name())) {
            sb.append(" · PK");
        }
        if (topLevel && table.isForeignKeyColumn(c.name())) {
            sb.append(" · FK");
        }
        if (!c.children().isEmpty()) {
            sb.append(" · ").append(c.children().size()).append(c.children().size() == 1 ? " field" : " fields");
        }
        if (!c.nullable() && !(topLevel && table.isPrimaryKeyColumn(c.name()))) {
            sb.append(" · not null");
        }
        return sb.toString();
    }
}
