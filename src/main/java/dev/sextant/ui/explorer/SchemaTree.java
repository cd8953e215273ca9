package dev.sextant.ui.explorer;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.SqlDialect;
import dev.sextant.query.Workspace;
import dev.sextant.schema.Column;
import dev.sextant.schema.Constraint;
import dev.sextant.schema.ForeignKey;
import dev.sextant.schema.Index;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.Routine;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Sequence;
import dev.sextant.schema.Table;
import dev.sextant.schema.Trigger;
import dev.sextant.schema.TypeDef;
import dev.sextant.ui.Icons;
import dev.sextant.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The schema tree of the selected connection: schemas, then folders of tables, views, sequences and
 * routines, then columns with their types and key markers. Every level that needs the database is
 * loaded in the background when first expanded.
 */
public final class SchemaTree extends TreeView<ExplorerNode> {

    private final Workspace workspace;
    private final TaskExecutor executor;
    private final BiConsumer<ExternalDatabaseConfig, Table> openTable;
    private ExternalDatabaseConfig connection;
    private volatile boolean showSystemSchemas;

    /**
     * @param openTable called on the JavaFX thread when the user opens a table or view (double-click or Enter)
     */
    public SchemaTree(Workspace workspace, TaskExecutor executor, BiConsumer<ExternalDatabaseConfig, Table> openTable) {
        this.workspace = workspace;
        this.executor = executor;
        this.openTable = openTable;
        setId("schema-tree");
        getStyleClass().add("schema-tree");
        setShowRoot(true);
        setCellFactory(tree -> new NodeCell());
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                activate(getSelectionModel().getSelectedItem());
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                activate(getSelectionModel().getSelectedItem());
            }
        });
    }

    /** Shows the tree of a connection (or nothing), starting to load its schemas. */
    public void showConnection(ExternalDatabaseConfig config) {
        this.connection = config;
        if (config == null) {
            setRoot(null);
            return;
        }
        LazyTreeItem root = new LazyTreeItem(new ExplorerNode(ExplorerNode.Role.CONNECTION, ObjectKind.CATALOG,
                config.name(), config.type(), config), () -> schemaItems(config), executor);
        setRoot(root);
        root.setExpanded(true);
    }

    /** Shows or hides the database's own catalog schemas (pg_catalog, INFORMATION_SCHEMA, …) and reloads. */
    public void setShowSystemSchemas(boolean show) {
        showSystemSchemas = show;
        showConnection(connection);
    }

    /** Reloads the whole tree from the database, dropping what was loaded. */
    public void refresh() {
        ExternalDatabaseConfig config = connection;
        if (config != null) {
            executor.execute(dev.sextant.ui.task.BackgroundTask.wrap(p -> {
                workspace.disconnect(config);
                return config;
            }).onSuccess(this::showConnection));
        }
    }

    private List<TreeItem<ExplorerNode>> schemaItems(ExternalDatabaseConfig config) {
        List<TreeItem<ExplorerNode>> items = new ArrayList<>();
        for (SchemaRef ref : workspace.listSchemas(config, showSystemSchemas)) {
            items.add(new LazyTreeItem(new ExplorerNode(ExplorerNode.Role.SCHEMA, ObjectKind.SCHEMA, ref.name(),
                    "", ref), () -> schemaContents(workspace.scanSchema(config, ref)), executor));
        }
        return items;
    }

    /** Folders for each kind of object the schema has; empty kinds are left out. */
    static List<TreeItem<ExplorerNode>> schemaContents(Schema schema) {
        List<TreeItem<ExplorerNode>> folders = new ArrayList<>();
        Map<String, List<Table>> partitions = partitionsByParent(schema);
        addFolder(folders, "Tables", schema.tables(),
                t -> !isViewLike(t.kind()) && t.kind() != ObjectKind.EXTERNAL_TABLE && t.kind() != ObjectKind.PARTITION, partitions);
        addFolder(folders, "Views", schema.tables(), t -> isViewLike(t.kind()), partitions);
        addFolder(folders, "External tables", schema.tables(), t -> t.kind() == ObjectKind.EXTERNAL_TABLE, partitions);
        List<Table> orphans = schema.tables().stream().filter(t -> t.kind() == ObjectKind.PARTITION
                && partitions.values().stream().noneMatch(list -> list.contains(t)) ).toList();
        addFolder(folders, "Partitions", orphans, t -> true, Map.of());
        if (!schema.sequences().isEmpty()) {
            TreeItem<ExplorerNode> folder = folder("Sequences", schema.sequences().size());
            for (Sequence s : schema.sequences()) {
                folder.getChildren().add(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.OBJECT, ObjectKind.SEQUENCE,
                        s.name(), s.dataType(), s)));
            }
            folders.add(folder);
        }
        if (!schema.types().isEmpty()) {
            TreeItem<ExplorerNode> folder = folder("Types", schema.types().size());
            for (TypeDef type : schema.types()) {
                folder.getChildren().add(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.OBJECT, ObjectKind.TYPE,
                        type.name(), type.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + (type.elements().isEmpty() ? "" : " · " + String.join(", ", type.elements())), type)));
            }
            folders.add(folder);
        }
        if (!schema.routines().isEmpty()) {
            TreeItem<ExplorerNode> folder = folder("Routines", schema.routines().size());
            for (Routine r : schema.routines()) {
                folder.getChildren().add(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.OBJECT, ObjectKind.ROUTINE,
                        r.name(), r.returnType(), r)));
            }
            folders.add(folder);
        }
        return folders;
    }

    private static boolean isViewLike(ObjectKind kind) {
        return kind == ObjectKind.VIEW || kind == ObjectKind.MATERIALIZED_VIEW;
    }

    private static void addFolder(List<TreeItem<ExplorerNode>> folders, String name, List<Table> tables,
                                  Predicate<Table> filter, Map<String, List<Table>> partitions) {
        List<Table> chosen = tables.stream().filter(filter).toList();
        if (chosen.isEmpty()) {
            return;
        }
        TreeItem<ExplorerNode> folder = folder(name, chosen.size());
        for (Table t : chosen) {
            TreeItem<ExplorerNode> item = tableItem(t);
            List<Table> parts = partitions.getOrDefault(t.name(), List.of());
            if (!parts.isEmpty()) {
                TreeItem<ExplorerNode> partFolder = folder("Partitions", parts.size());
                parts.forEach(p -> partFolder.getChildren().add(tableItem(p)));
                item.getChildren().add(partFolder);
            }
            folder.getChildren().add(item);
        }
        folders.add(folder);
    }

    private static final Pattern PARTITION_OF = Pattern.compile("PARTITION OF (?:\\S+\\.)?\"?([^\\s\"]+)\"?");

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

    private static TreeItem<ExplorerNode> folder(String name, int count) {
        return new TreeItem<>(new ExplorerNode(ExplorerNode.Role.FOLDER, null, name, String.valueOf(count), null));
    }

    static TreeItem<ExplorerNode> tableItem(Table table) {
        String detail = table.rowEstimate() >= 0 ? String.format("~%,d rows", table.rowEstimate()) : "";
        if (table.storage().sizeBytes() >= 0) {
            detail = (detail.isEmpty() ? "" : detail + " · ") + size(table.storage().sizeBytes());
        }
        TreeItem<ExplorerNode> item = new TreeItem<>(new ExplorerNode(ExplorerNode.Role.OBJECT, table.kind(),
                table.name(), detail, table));
        for (Column c : table.columns()) {
            item.getChildren().add(columnItem(table, c));
        }
        if (!table.indexes().isEmpty()) {
            TreeItem<ExplorerNode> indexes = folder("Indexes", table.indexes().size());
            for (Index i : table.indexes()) {
                indexes.getChildren().add(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.OBJECT, ObjectKind.INDEX,
                        i.name(), (i.unique() ? "unique · " : "") + String.join(", ", i.columns()), i)));
            }
            item.getChildren().add(indexes);
        }
        if (!table.constraints().isEmpty()) {
            TreeItem<ExplorerNode> constraints = folder("Constraints", table.constraints().size());
            for (Constraint c : table.constraints()) {
                constraints.getChildren().add(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.OBJECT, ObjectKind.CONSTRAINT,
                        c.name(), c.definition(), c)));
            }
            item.getChildren().add(constraints);
        }
        if (!table.triggers().isEmpty()) {
            TreeItem<ExplorerNode> triggers = folder("Triggers", table.triggers().size());
            for (Trigger tr : table.triggers()) {
                triggers.getChildren().add(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.OBJECT, ObjectKind.TRIGGER,
                        tr.name(), tr.event(), tr)));
            }
            item.getChildren().add(triggers);
        }
        if (!table.foreignKeys().isEmpty()) {
            TreeItem<ExplorerNode> keys = folder("Foreign keys", table.foreignKeys().size());
            for (ForeignKey fk : table.foreignKeys()) {
                keys.getChildren().add(new TreeItem<>(new ExplorerNode(ExplorerNode.Role.OBJECT, ObjectKind.FOREIGN_KEY,
                        fk.name(), String.join(", ", fk.columns()) + " → " + fk.referencedTable()
                        + "(" + String.join(", ", fk.referencedColumns()) + ")", fk)));
            }
            item.getChildren().add(keys);
        }
        return item;
    }

    /** A column, with the fields of a record (STRUCT) column as its children, however deep. */
    private static TreeItem<ExplorerNode> columnItem(Table table, Column c) {
        TreeItem<ExplorerNode> item = new TreeItem<>(new ExplorerNode(ExplorerNode.Role.COLUMN, ObjectKind.COLUMN,
                c.name(), columnDetail(table, c), c));
        for (Column child : c.children()) {
            item.getChildren().add(columnItem(table, child));
        }
        return item;
    }

    /** e.g. "1.2 MB", in powers of 1024. */
    static String size(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format("%.1f %s", v, units[unit]);
    }

    /** e.g. "bigint · PK", "character varying(160) · not null" or "struct · repeated". */
    static String columnDetail(Table table, Column c) {
        StringBuilder sb = new StringBuilder(c.dataType().toLowerCase(java.util.Locale.ROOT));
        if (c.repeated()) {
            sb.append(" · repeated");
        }
        if (table.isPrimaryKeyColumn(c.name())) {
            sb.append(" · PK");
        }
        if (table.isForeignKeyColumn(c.name())) {
            sb.append(" · FK");
        }
        if (!c.nullable() && !table.isPrimaryKeyColumn(c.name())) {
            sb.append(" · not null");
        }
        return sb.toString();
    }

    private void activate(TreeItem<ExplorerNode> item) {
        if (item == null) {
            return;
        }
        ExplorerNode node = item.getValue();
        if (node.role() == ExplorerNode.Role.ERROR && node.payload() instanceof LazyTreeItem parent) {
            parent.reload();
        } else if (node.payload() instanceof Table table && connection != null) {
            openTable.accept(connection, table);
        }
    }

    private ContextMenu menuFor(ExplorerNode node) {
        ContextMenu menu = new ContextMenu();
        MenuItem copyName = new MenuItem("Copy name", Icons.of(Feather.COPY));
        copyName.setOnAction(e -> copy(node.label()));
        menu.getItems().add(copyName);
        if (node.payload() instanceof Table table && connection != null) {
            SqlDialect dialect = workspace.dialect(connection);
            MenuItem copyQualified = new MenuItem("Copy qualified name");
            copyQualified.setOnAction(e -> copy(dialect.qualify(table.schema(), table.name())));
            MenuItem open = new MenuItem("Open in a new query tab", Icons.of(Feather.PLAY));
            open.setOnAction(e -> openTable.accept(connection, table));
            menu.getItems().addAll(copyQualified, open);
        }
        return menu;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
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

    /** One row: icon (a key for primary-key columns), name, and dimmed detail. */
    private final class NodeCell extends TreeCell<ExplorerNode> {
        NodeCell() {
            setOnContextMenuRequested(e -> {
                ExplorerNode node = getItem();
                if (node != null && node.role() != ExplorerNode.Role.LOADING) {
                    menuFor(node).show(this, e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(ExplorerNode node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll("loading-node", "error-node");
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(null);
            Label name = new Label(node.label());
            name.getStyleClass().add("node-name");
            HBox box = new HBox(6);
            box.getChildren().add(switch (node.role()) {
                case FOLDER -> Icons.of(Feather.FOLDER);
                case LOADING -> Icons.of(Feather.LOADER);
                case ERROR -> Icons.of(Feather.ALERT_CIRCLE);
                case EMPTY -> Icons.of(Feather.MINUS);
                case COLUMN -> getTreeItem().getParent() != null
                        && getTreeItem().getParent().getValue().payload() instanceof Table t
                        && t.isPrimaryKeyColumn(node.label()) ? Icons.of(Feather.KEY) : Icons.forKind(ObjectKind.COLUMN);
                default -> Icons.forKind(node.kind());
            });
            box.getChildren().add(name);
            if (!node.detail().isEmpty()) {
                Label detail = new Label(node.detail());
                detail.getStyleClass().add("node-detail");
                box.getChildren().add(detail);
            }
            if (node.role() == ExplorerNode.Role.LOADING) {
                getStyleClass().add("loading-node");
            } else if (node.role() == ExplorerNode.Role.ERROR) {
                getStyleClass().add("error-node");
            }
            setGraphic(box);
            String comment = comment(node.payload());
            setTooltip(comment.isEmpty() ? null : new Tooltip(comment));
        }

        private static String comment(Object payload) {
            if (payload instanceof Table t) {
                return tableTooltip(t);
            } else if (payload instanceof SchemaRef r) {
                return r.comment();
            } else if (payload instanceof Column c) {
                return c.comment();
            } else if (payload instanceof Sequence q) {
                return q.comment();
            } else if (payload instanceof Routine r) {
                return r.comment();
            } else if (payload instanceof TypeDef t) {
                return t.comment();
            } else if (payload instanceof Trigger t) {
                return t.comment();
            } else if (payload instanceof Constraint c) {
                return c.comment();
            } else if (payload instanceof Index i) {
                return i.comment();
            } else if (payload instanceof ForeignKey fk) {
                return fk.comment();
            }
            return "";
        }
    }
}
