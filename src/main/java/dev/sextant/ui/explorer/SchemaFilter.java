package dev.sextant.ui.explorer;

import dev.sextant.schema.Column;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.Routine;
import dev.sextant.schema.Schema;
import dev.sextant.schema.Sequence;
import dev.sextant.schema.Table;
import dev.sextant.schema.TypeDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.control.TreeItem;

/**
 * The tree narrowed to the objects whose name contains the filter text (ignoring case): a table that
 * matches keeps all its columns (closed); a table whose columns match is opened on just those columns
 * (nested fields with the record columns above them). Pure, and quick enough to run on every keystroke
 * over 50,000 objects on a background thread.
 */
final class SchemaFilter {

    /** Past this many rows, tables with matching columns stay closed, so the tree stays quick to open. */
    static final int OPEN_ROWS_LIMIT = 500;

    /**
     * @param schemas one per schema row, in tree order
     * @param matches how many objects matched
     */
    record Result(List<TreeItem<ExplorerNode>> schemas, int matches) {
    }

    private SchemaFilter() {
    }

    /**
     * Whether {@code name} contains {@code needle} (already lower case), ignoring case. Lower-casing the
     * name and searching it measured several times faster than comparing region by region (see
     * ExplorerFilterBenchmark).
     */
    static boolean contains(String name, String needle) {
        return name.toLowerCase(java.util.Locale.ROOT).contains(needle);
    }

    /**
     * @param schemaItem makes a schema's row (the tree decides how a schema row looks and loads)
     */
    static Result filter(List<Schema> schemas, String text, Function<Schema, TreeItem<ExplorerNode>> schemaItem) {
        String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
        List<TreeItem<ExplorerNode>> rows = new ArrayList<>();
        int[] matches = {0};
        int[] openRows = {0};
        for (Schema schema : schemas) {
            List<TreeItem<ExplorerNode>> folders = new ArrayList<>();
            if (contains(schema.name(), needle)) {
                matches[0]++;
                folders.addAll(TreeBuilder.schemaContents(schema));
            } else {
                Map<String, TreeItem<ExplorerNode>> byFolder = new LinkedHashMap<>();
                for (Table t : schema.tables()) {
                    TreeItem<ExplorerNode> item = table(t, needle, matches, openRows);
                    if (item != null) {
                        byFolder.computeIfAbsent(folderOf(t.kind()), n -> new TreeItem<>(new ExplorerNode(
                                ExplorerNode.Role.FOLDER, null, n, "", null))).getChildren().add(item);
                    }
                }
                for (Sequence q : schema.sequences()) {
                    if (contains(q.name(), needle)) {
                        matches[0]++;
                        add(byFolder, "Sequences", ObjectKind.SEQUENCE, q.name(), q.dataType(), q, schema.name());
                    }
                }
                for (TypeDef type : schema.types()) {
                    if (contains(type.name(), needle)) {
                        matches[0]++;
                        add(byFolder, "Types", ObjectKind.TYPE, type.name(), type.kind().name().toLowerCase(java.util.Locale.ROOT),
                                type, schema.name());
                    }
                }
                for (Routine r : schema.routines()) {
                    if (contains(r.name(), needle)) {
                        matches[0]++;
                        add(byFolder, "Routines", ObjectKind.ROUTINE, r.name(), r.returnType(), r, schema.name());
                    }
                }
                for (TreeItem<ExplorerNode> folder : byFolder.values()) {
                    ExplorerNode f = folder.getValue();
                    folder.setValue(new ExplorerNode(f.role(), null, f.label(), String.valueOf(folder.getChildren().size()), null));
                    folder.setExpanded(true);
                    folders.add(folder);
                }
            }
            if (!folders.isEmpty()) {
                TreeItem<ExplorerNode> row = schemaItem.apply(schema);
                row.getChildren().setAll(folders);
                row.setExpanded(true);
                rows.add(row);
            }
        }
        return new Result(rows, matches[0]);
    }

    private static void add(Map<String, TreeItem<ExplorerNode>> byFolder, String folder, ObjectKind kind, String name,
                            String detail, Object payload, String schema) {
        byFolder.computeIfAbsent(folder, n -> new TreeItem<>(new ExplorerNode(ExplorerNode.Role.FOLDER, null, n, "", null)))
                .getChildren().add(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.OBJECT, kind, name, detail, payload,
                        schema, null, null)));
    }

    private static String folderOf(ObjectKind kind) {
        return switch (kind) {
            case VIEW, MATERIALIZED_VIEW -> "Views";
            case EXTERNAL_TABLE -> "External tables";
            case PARTITION -> "Partitions";
            default -> "Tables";
        };
    }

    private static TreeItem<ExplorerNode> table(Table t, String needle, int[] matches, int[] openRows) {
        if (contains(t.name(), needle)) {
            matches[0]++;
            return new TableItem(t, List.of(), null);
        }
        int hits = 0;
        int rows = 0;
        for (Column c : t.columns()) {
            int[] found = count(c, needle);
            hits += found[0];
            rows += found[1];
        }
        if (hits == 0) {
            return null;
        }
        matches[0] += hits;
        TableItem row = new TableItem(t, List.of(), needle);
        if (openRows[0] + rows <= OPEN_ROWS_LIMIT) {
            openRows[0] += rows;
            row.setExpanded(true);
        }
        return row;
    }

    /** How many columns under {@code c} match, and how many rows showing them takes (record columns included). */
    private static int[] count(Column c, String needle) {
        if (contains(c.name(), needle)) {
            return new int[] {1, 1};
        }
        int hits = 0;
        int rows = 0;
        for (Column child : c.children()) {
            int[] found = count(child, needle);
            hits += found[0];
            rows += found[1];
        }
        return hits == 0 ? new int[] {0, 0} : new int[] {hits, rows + 1};
    }
}
