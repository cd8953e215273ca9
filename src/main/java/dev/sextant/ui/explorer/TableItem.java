package dev.sextant.ui.explorer;

import dev.sextant.schema.Column;
import dev.sextant.schema.Table;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A table's row, whose children (columns, partitions, indexes, keys…) are made only when the tree first
 * asks for them, that is when the row is opened. A schema of 5,000 tables then costs 5,000 rows, not the
 * 55,000 it would with every column made up front. In a filtered tree the row holds only the columns whose
 * name matches (nested fields with the record columns above them).
 */
final class TableItem extends TreeItem<ExplorerNode> {

    private final Table table;
    private final List<Table> partitions;
    private final String needle;
    private boolean built;

    /**
     * @param partitions the table's partitions, shown in a folder of their own
     * @param needle     the filter text (lower case) its columns must contain, or null for all of them
     */
    TableItem(Table table, List<Table> partitions, String needle) {
        super(TreeBuilder.tableNode(table));
        this.table = table;
        this.partitions = List.copyOf(partitions);
        this.needle = needle;
    }

    Table table() {
        return table;
    }

    boolean hasPartitions() {
        return !partitions.isEmpty();
    }

    @Override
    public boolean isLeaf() {
        return table.columns().isEmpty() && partitions.isEmpty() && table.indexes().isEmpty()
                && table.constraints().isEmpty() && table.triggers().isEmpty() && table.foreignKeys().isEmpty();
    }

    @Override
    public ObservableList<TreeItem<ExplorerNode>> getChildren() {
        ObservableList<TreeItem<ExplorerNode>> children = super.getChildren();
        if (!built) {
            built = true;
            children.setAll(build());
        }
        return children;
    }

    private List<TreeItem<ExplorerNode>> build() {
        List<TreeItem<ExplorerNode>> rows = new ArrayList<>();
        if (needle != null) {
            for (Column c : table.columns()) {
                TreeItem<ExplorerNode> hit = matching(c, c.name());
                if (hit != null) {
                    rows.add(hit);
                }
            }
            return rows;
        }
        for (Column c : table.columns()) {
            rows.add(TreeBuilder.columnItem(table, c, c.name(), true));
        }
        if (!partitions.isEmpty()) {
            TreeItem<ExplorerNode> folder = TreeBuilder.folder("Partitions", partitions.size());
            partitions.forEach(p -> folder.getChildren().add(new TableItem(p, List.of(), null)));
            rows.add(folder);
        }
        TreeItem<ExplorerNode> parts = new TreeItem<>();
        TreeBuilder.addParts(parts, table);
        rows.addAll(parts.getChildren());
        parts.getChildren().clear();
        return rows;
    }

    /** The column if its name matches (with all its fields), or the record column above matching fields, or null. */
    private TreeItem<ExplorerNode> matching(Column c, String path) {
        if (SchemaFilter.contains(c.name(), needle)) {
            return TreeBuilder.columnItem(table, c, path, true);
        }
        List<TreeItem<ExplorerNode>> inside = new ArrayList<>();
        for (Column child : c.children()) {
            TreeItem<ExplorerNode> hit = matching(child, path + "." + child.name());
            if (hit != null) {
                inside.add(hit);
            }
        }
        if (inside.isEmpty()) {
            return null;
        }
        TreeItem<ExplorerNode> item = TreeBuilder.columnItem(table, c, path, false);
        item.getChildren().setAll(inside);
        item.setExpanded(true);
        return item;
    }
}
