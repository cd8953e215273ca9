package dev.sextant.ui.explorer;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.connector.SqlDialect;
import dev.sextant.query.SchemaCache;
import dev.sextant.query.Workspace;
import dev.sextant.schema.Column;
import dev.sextant.schema.Constraint;
import dev.sextant.schema.DatabaseSchema;
import dev.sextant.schema.ForeignKey;
import dev.sextant.schema.Index;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.Routine;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaMatch;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Sequence;
import dev.sextant.schema.Table;
import dev.sextant.schema.Trigger;
import dev.sextant.schema.TypeDef;
import dev.sextant.ui.ConnectionTarget;
import dev.sextant.ui.Icons;
import dev.sextant.ui.task.BackgroundTask;
import dev.sextant.ui.task.TaskMonitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema tree of the selected connection: schemas, then folders of tables, views, sequences, types
 * and routines, then columns (nested record fields below their column) with their types and key markers.
 * Every level that needs the database loads in the background when first opened. What was scanned is
 * kept in the schema cache with its time, so the tree of a connection opened before shows at once, from
 * the cache, until the user refreshes or connects. A filter narrows the tree as the user types, and any
 * object can be found by name and revealed.
 */
public final class SchemaTree extends TreeView<ExplorerNode> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaTree.class);
    /** How many hits "find object" lists at most. */
    static final int MAX_FOUND = 200;
    /** The height of a row, in pixels (AtlantaFX's default row with a 14 px icon). */
    static final double ROW_HEIGHT = 28;

    /** What the tree asks of the window around it. */
    public interface Actions {
        /** Opens a query tab that selects from a table (double-click, Enter). */
        void openTable(ExternalDatabaseConfig config, Table table);

        /** Opens a query tab with {@code sql} and runs it. */
        void openQuery(ExternalDatabaseConfig config, String sql);

        /** Shows the definition of the object behind a row. */
        void showDefinition(ExplorerNode node);

        /** The tree reached the database (error null) or failed to. Called on the JavaFX thread. */
        void connectionChanged(ExternalDatabaseConfig config, Throwable error);
    }

    /** What is known of one connection's schemas: the list, the scanned ones, and when each was read. */
    static final class Known {
        final ExternalDatabaseConfig config;
        volatile List<SchemaRef> refs;
        volatile boolean refsWithSystem;
        volatile Instant listedAt;
        volatile boolean cacheRead;
        final Map<String, Schema> loaded = new ConcurrentHashMap<>();
        final Map<String, Instant> scannedAt = new ConcurrentHashMap<>();

        Known(ExternalDatabaseConfig config) {
            this.config = config;
        }

        static String key(SchemaRef ref) {
            return ref.catalog() + "\u0000" + ref.name();
        }

        static String key(Schema schema) {
            return key(schema.ref());
        }

        void put(Schema schema, Instant at) {
            loaded.put(key(schema), schema);
            scannedAt.put(key(schema), at);
        }

        /** The schemas in list order; those not scanned yet are left out. */
        List<Schema> inOrder() {
            List<SchemaRef> list = refs;
            return list == null ? List.of() : list.stream().map(r -> loaded.get(key(r))).filter(s -> s != null).toList();
        }

        boolean allLoaded() {
            List<SchemaRef> list = refs;
            return list != null && list.stream().allMatch(r -> loaded.containsKey(key(r)));
        }

        /** The oldest time among what the tree shows. */
        Instant oldest() {
            Instant oldest = listedAt;
            List<SchemaRef> list = refs;
            if (list != null) {
                for (SchemaRef r : list) {
                    Instant t = scannedAt.get(key(r));
                    if (t != null && (oldest == null || t.isBefore(oldest))) {
                        oldest = t;
                    }
                }
            }
            return oldest;
        }
    }

    private final Workspace workspace;
    private final TaskMonitor tasks;
    private final Supplier<SchemaCache> cache;
    private final Actions actions;
    private final Map<String, Known> known = new HashMap<>();
    /** Connections whose last database call failed; a refresh opens them afresh. */
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final ObjectProperty<Instant> scannedAt = new SimpleObjectProperty<>();
    private final StringProperty filterStatus = new SimpleStringProperty();
    private final StringProperty problem = new SimpleStringProperty();
    private ExternalDatabaseConfig connection;
    private volatile boolean showSystemSchemas;
    private TreeItem<ExplorerNode> fullRoot;
    private String filter = "";
    private long filterGeneration;

    /**
     * @param cache the schema cache, or a supplier of null where there is none (the tree then always asks the database)
     */
    public SchemaTree(Workspace workspace, TaskMonitor tasks, Supplier<SchemaCache> cache, Actions actions) {
        this.workspace = workspace;
        this.tasks = tasks;
        this.cache = cache;
        this.actions = actions;
        setId("schema-tree");
        getStyleClass().add("schema-tree");
        setShowRoot(true);
        // rows of one height: the tree then never measures rows to estimate its length, which matters for 50,000
        setFixedCellSize(ROW_HEIGHT);
        setCellFactory(tree -> new NodeCell());
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                activate(getSelectionModel().getSelectedItem());
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                activate(getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.CONTEXT_MENU || e.getCode() == KeyCode.F10 && e.isShiftDown()) {
                showMenuAtSelection();
                e.consume();
            }
        });
    }

    /** The context menu from the keyboard (the menu key or Shift+F10), beside the selected row. */
    private void showMenuAtSelection() {
        TreeItem<ExplorerNode> item = getSelectionModel().getSelectedItem();
        if (item == null || item.getValue().role() == ExplorerNode.Role.LOADING) {
            return;
        }
        javafx.scene.Node anchor = lookupAll(".tree-cell").stream()
                .filter(n -> n instanceof TreeCell<?> c && c.getTreeItem() == item).findFirst().orElse(this);
        menuFor(item).show(anchor, javafx.geometry.Side.BOTTOM, 24, 0);
    }

    /** When the shown schema was read from the database (the oldest part of it), or null before it was. */
    public ObjectProperty<Instant> scannedAtProperty() {
        return scannedAt;
    }

    /** How many objects the filter matched ("12 matches"), or null without a filter. */
    public StringProperty filterStatusProperty() {
        return filterStatus;
    }

    /** Why the last refresh failed, or null. */
    public StringProperty problemProperty() {
        return problem;
    }

    public ExternalDatabaseConfig connection() {
        return connection;
    }

    private Known known(ExternalDatabaseConfig config) {
        return known.computeIfAbsent(config.id(), id -> new Known(config));
    }

    /** Forgets what the tree knows of a connection (its settings changed); the cache is dropped by the caller. */
    public void forget(ExternalDatabaseConfig config) {
        known.remove(config.id());
        if (connection != null && connection.id().equals(config.id())) {
            showConnection(config);
        }
    }

    /** Shows the tree of a connection (or nothing): at once from memory or the cache, else from the database. */
    public void showConnection(ExternalDatabaseConfig config) {
        if (connection != null && config != null && connection.id().equals(config.id()) && !connection.equals(config)
                && fullRoot != null && !ConnectionTarget.changed(workspace.registry(), connection, config)) {
            // renamed, moved or recoloured: the same database, so the tree stays as it is
            this.connection = config;
            fullRoot.setValue(connectionNode(config, typeName(config)));
            return;
        }
        if (connection != null && config != null && connection.id().equals(config.id()) && !connection.equals(config)) {
            known.remove(config.id()); // the saved settings point elsewhere now
        }
        this.connection = config;
        problem.set(null);
        if (config == null) {
            fullRoot = null;
            setRoot(null);
            scannedAt.set(null);
            return;
        }
        Known k = known(config);
        LazyTreeItem root = new LazyTreeItem(connectionNode(config, typeName(config)), () -> schemaItems(k), tasks.executor());
        root.whenLoaded(() -> scannedAt.set(k.oldest()));
        fullRoot = root;
        setRoot(root);
        root.setExpanded(true);
        scannedAt.set(k.oldest());
        if (!filter.isBlank()) {
            applyFilter();
        }
    }

    private static ExplorerNode connectionNode(ExternalDatabaseConfig config, String typeName) {
        return new ExplorerNode(ExplorerNode.Role.CONNECTION, ObjectKind.CATALOG, config.name(), typeName, config);
    }

    private String typeName(ExternalDatabaseConfig config) {
        try {
            return workspace.registry().provider(config.type()).displayName();
        } catch (RuntimeException e) {
            return config.type();
        }
    }

    /** Shows or hides the database's own catalog schemas (pg_catalog, INFORMATION_SCHEMA, …) and reloads. */
    public void setShowSystemSchemas(boolean show) {
        showSystemSchemas = show;
        showConnection(connection);
    }

    // ---- loading (background threads) ----

    private List<TreeItem<ExplorerNode>> schemaItems(Known k) {
        List<SchemaRef> refs = listRefs(k);
        List<TreeItem<ExplorerNode>> items = new ArrayList<>();
        for (SchemaRef ref : refs) {
            items.add(schemaItem(k, ref));
        }
        return items;
    }

    private TreeItem<ExplorerNode> schemaItem(Known k, SchemaRef ref) {
        return new LazyTreeItem(new ExplorerNode(ExplorerNode.Role.SCHEMA, ObjectKind.SCHEMA, ref.name(), "", ref,
                ref.name(), null, null), () -> {
            List<TreeItem<ExplorerNode>> contents = TreeBuilder.schemaContents(schema(k, ref));
            tasks.executor().runOnUiThread(() -> {
                if (connection != null && connection.id().equals(k.config.id())) {
                    scannedAt.set(k.oldest());
                }
            });
            return contents;
        }, tasks, "Reading schema " + ref.name());
    }

    /** The schema list: from memory, else from the cache, else from the database (then cached). */
    private List<SchemaRef> listRefs(Known k) {
        boolean system = showSystemSchemas;
        List<SchemaRef> refs = k.refs;
        if (refs != null && k.refsWithSystem == system) {
            return refs;
        }
        readCache(k);
        Optional<SchemaCache.Entry<List<SchemaRef>>> cached = cached(c -> c.schemaList(k.config.id(), system));
        if (cached.isPresent()) {
            k.refsWithSystem = system;
            k.listedAt = cached.get().scannedAt();
            k.refs = cached.get().value();
            return k.refs;
        }
        refs = reach(k.config, () -> workspace.listSchemas(k.config, system));
        Instant now = Instant.now();
        k.refsWithSystem = system;
        k.listedAt = now;
        k.refs = refs;
        List<SchemaRef> listed = refs;
        store(c -> c.putSchemaList(k.config.id(), system, listed, now));
        return refs;
    }

    /** A scanned schema: from memory (and so from the cache), else scanned now and cached. */
    private Schema schema(Known k, SchemaRef ref) {
        Schema schema = k.loaded.get(Known.key(ref));
        if (schema != null) {
            return schema;
        }
        Schema scanned = reach(k.config, () -> workspace.scanSchema(k.config, ref));
        Instant now = Instant.now();
        k.put(scanned, now);
        store(c -> c.putSchemas(k.config.id(), List.of(scanned), now));
        return scanned;
    }

    /** Every schema of the list scanned (for the filter and find), in as few queries as the connector can. */
    private void loadAll(Known k) {
        List<SchemaRef> refs = listRefs(k);
        List<SchemaRef> missing = refs.stream().filter(r -> !k.loaded.containsKey(Known.key(r))).toList();
        if (missing.isEmpty()) {
            return;
        }
        List<Schema> scanned = reach(k.config, () -> workspace.scanSchemas(k.config, missing));
        Instant now = Instant.now();
        scanned.forEach(s -> k.put(s, now));
        store(c -> c.putSchemas(k.config.id(), scanned, now));
    }

    private void readCache(Known k) {
        if (k.cacheRead) {
            return;
        }
        k.cacheRead = true;
        List<SchemaCache.Entry<Schema>> entries = cached(c -> Optional.of(c.schemas(k.config.id()))).orElse(List.of());
        for (SchemaCache.Entry<Schema> e : entries) {
            k.loaded.putIfAbsent(Known.key(e.value()), e.value());
            k.scannedAt.putIfAbsent(Known.key(e.value()), e.scannedAt());
        }
    }

    private <T> Optional<T> cached(java.util.function.Function<SchemaCache, Optional<T>> read) {
        SchemaCache c = cache.get();
        if (c == null) {
            return Optional.empty();
        }
        try {
            return read.apply(c);
        } catch (RuntimeException e) {
            LOG.warn("The schema cache could not be read; asking the database: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private void store(Consumer<SchemaCache> write) {
        SchemaCache c = cache.get();
        if (c != null) {
            try {
                write.accept(c);
            } catch (RuntimeException e) {
                LOG.warn("The schema cache could not be written: {}", e.getMessage());
            }
        }
    }

    /** Runs database work and tells the window whether the connection worked. */
    private <T> T reach(ExternalDatabaseConfig config, Supplier<T> work) {
        try {
            T result = work.get();
            failed.remove(config.id());
            tasks.executor().runOnUiThread(() -> actions.connectionChanged(config, null));
            return result;
        } catch (RuntimeException e) {
            failed.add(config.id());
            tasks.executor().runOnUiThread(() -> actions.connectionChanged(config, e));
            throw e;
        }
    }

    // ---- refresh ----

    /**
     * Reads the schema list and every schema the tree had scanned again from the database (one bulk scan),
     * replaces the cache, and rebuilds the tree with the same rows open and selected.
     */
    public void refresh() {
        ExternalDatabaseConfig config = connection;
        if (config == null) {
            return;
        }
        Known k = known(config);
        boolean system = showSystemSchemas;
        Set<String> scannedBefore = new HashSet<>(k.loaded.keySet());
        tasks.run("Refreshing " + config.name(), BackgroundTask.wrap(p -> {
                    if (failed.contains(config.id())) {
                        workspace.disconnect(config); // a fresh connection after a broken one
                    }
                    List<SchemaRef> refs = reach(config, () -> workspace.listSchemas(config, system));
                    List<SchemaRef> rescan = refs.stream().filter(r -> scannedBefore.contains(Known.key(r))).toList();
                    List<Schema> scanned = rescan.isEmpty() ? List.of() : reach(config, () -> workspace.scanSchemas(config, rescan));
                    Instant now = Instant.now();
                    store(c -> {
                        c.putSchemaList(config.id(), system, refs, now);
                        c.putSchemas(config.id(), scanned, now);
                        c.retainSchemas(config.id(), refs);
                    });
                    Known fresh = new Known(config);
                    fresh.cacheRead = true;
                    fresh.refs = refs;
                    fresh.refsWithSystem = system;
                    fresh.listedAt = now;
                    scanned.forEach(s -> fresh.put(s, now));
                    return fresh;
                })
                .onSuccess(fresh -> {
                    problem.set(null);
                    known.put(config.id(), fresh);
                    if (connection != null && connection.id().equals(config.id())) {
                        rebuildKeepingState();
                    }
                })
                .onFailure(e -> {
                    if (connection != null && connection.id().equals(config.id()) && fullRoot instanceof LazyTreeItem root) {
                        problem.set("Refresh failed: " + message(e));
                        if (!root.isLoaded()) {
                            root.reload();
                        }
                    }
                }));
    }

    /** Reads one schema again (the schema of the row, or everything for the connection's row). */
    public void refresh(TreeItem<ExplorerNode> item) {
        TreeItem<ExplorerNode> schemaRow = item;
        while (schemaRow != null && schemaRow.getValue().role() != ExplorerNode.Role.SCHEMA) {
            schemaRow = schemaRow.getParent();
        }
        if (schemaRow == null || !(schemaRow instanceof LazyTreeItem lazy) || connection == null) {
            refresh();
            return;
        }
        SchemaRef ref = (SchemaRef) schemaRow.getValue().payload();
        Known k = known(connection);
        Set<List<String>> open = openPaths(schemaRow);
        k.loaded.remove(Known.key(ref));
        lazy.reload();
        lazy.whenLoaded(() -> reopen(lazy, open));
    }

    private void rebuildKeepingState() {
        Set<List<String>> open = fullRoot == null ? Set.of() : openPaths(fullRoot);
        List<String> selected = getSelectionModel().getSelectedItem() == null ? null : path(getSelectionModel().getSelectedItem());
        showConnection(connection);
        if (fullRoot instanceof LazyTreeItem root) {
            root.whenLoaded(() -> {
                reopen(root, open);
                if (selected != null) {
                    select(root, selected, 1);
                }
            });
        }
    }

    /** The label paths, from the root, of every open row under {@code item}. */
    private static Set<List<String>> openPaths(TreeItem<ExplorerNode> item) {
        Set<List<String>> paths = new HashSet<>();
        collectOpen(item, paths);
        return paths;
    }

    private static void collectOpen(TreeItem<ExplorerNode> item, Set<List<String>> paths) {
        if (item.isExpanded()) {
            paths.add(path(item));
            for (TreeItem<ExplorerNode> child : item.getChildren()) {
                collectOpen(child, paths);
            }
        }
    }

    private static List<String> path(TreeItem<ExplorerNode> item) {
        List<String> path = new ArrayList<>();
        for (TreeItem<ExplorerNode> i = item; i != null; i = i.getParent()) {
            path.add(0, i.getValue().label());
        }
        return path;
    }

    /** Opens again the rows that were open, waiting for lazy rows to load. */
    private void reopen(TreeItem<ExplorerNode> item, Set<List<String>> open) {
        for (TreeItem<ExplorerNode> child : item.getChildren()) {
            if (open.contains(path(child))) {
                child.setExpanded(true);
                if (child instanceof LazyTreeItem lazy) {
                    lazy.whenLoaded(() -> reopen(lazy, open));
                } else {
                    reopen(child, open);
                }
            }
        }
    }

    private void select(TreeItem<ExplorerNode> item, List<String> path, int depth) {
        if (depth >= path.size()) {
            reveal(item);
            return;
        }
        for (TreeItem<ExplorerNode> child : item.getChildren()) {
            if (child.getValue().label().equals(path.get(depth))) {
                if (child instanceof LazyTreeItem lazy && depth + 1 < path.size()) {
                    lazy.whenLoaded(() -> select(lazy, path, depth + 1));
                } else {
                    select(child, path, depth + 1);
                }
                return;
            }
        }
    }

    // ---- filter ----

    /**
     * Narrows the tree to objects whose name contains {@code text}; an empty text brings back the whole
     * tree as it was. Schemas not scanned yet are scanned first (listed in the task list).
     */
    public void setFilter(String text) {
        filter = text == null ? "" : text;
        applyFilter();
    }

    private void applyFilter() {
        long mine = ++filterGeneration;
        ExternalDatabaseConfig config = connection;
        if (filter.isBlank() || config == null) {
            filterStatus.set(null);
            if (getRoot() != fullRoot) {
                setRoot(fullRoot);
            }
            return;
        }
        Known k = known(config);
        String text = filter;
        if (!k.allLoaded()) {
            filterStatus.set("Reading every schema to search them…");
            tasks.run("Reading every schema of " + config.name(), BackgroundTask.wrap(p -> {
                        loadAll(k);
                        return k;
                    })
                    .onSuccess(done -> {
                        scannedAt.set(k.oldest());
                        if (mine == filterGeneration) {
                            applyFilter();
                        }
                    })
                    .onFailure(e -> {
                        if (mine == filterGeneration) {
                            filterStatus.set("Could not read every schema: " + message(e));
                        }
                    }));
            return;
        }
        List<Schema> schemas = k.inOrder();
        BackgroundTask.wrap(p -> SchemaFilter.filter(schemas, text, s -> new TreeItem<>(new ExplorerNode(
                        ExplorerNode.Role.SCHEMA, ObjectKind.SCHEMA, s.name(), "", s.ref(), s.name(), null, null))))
                .onSuccess(result -> {
                    if (mine != filterGeneration) {
                        return; // a newer keystroke won
                    }
                    TreeItem<ExplorerNode> root = new TreeItem<>(connectionNode(config, typeName(config)));
                    root.getChildren().setAll(result.schemas());
                    root.setExpanded(true);
                    setRoot(root);
                    filterStatus.set(result.matches() == 0 ? "No object matches '" + text.strip() + "'"
                            : String.format("%,d", result.matches()) + (result.matches() == 1 ? " match" : " matches"));
                })
                .executeWith(tasks.executor());
    }

    // ---- find ----

    /**
     * Finds objects by name across every schema of the connection (scanning those not scanned yet), exact
     * names first, at most {@value #MAX_FOUND}.
     */
    public void find(String text, Consumer<List<SchemaMatch>> onFound) {
        ExternalDatabaseConfig config = connection;
        if (config == null || text == null || text.isBlank()) {
            onFound.accept(List.of());
            return;
        }
        Known k = known(config);
        BackgroundTask<List<SchemaMatch>> search = BackgroundTask.wrap(p -> {
            loadAll(k);
            List<SchemaMatch> hits = new DatabaseSchema("", "", k.inOrder()).search(text);
            return hits.size() > MAX_FOUND ? List.copyOf(hits.subList(0, MAX_FOUND)) : hits;
        });
        search.onSuccess(onFound).onFailure(e -> onFound.accept(List.of()));
        if (k.allLoaded()) {
            search.executeWith(tasks.executor());
        } else {
            tasks.run("Reading every schema of " + config.name(), search);
        }
    }

    /** Clears the filter and opens the tree down to the object, selects it and scrolls to it. */
    public void reveal(SchemaMatch match) {
        if (!filter.isBlank()) {
            filter = "";
            applyFilter();
        }
        if (!(fullRoot instanceof LazyTreeItem root)) {
            return;
        }
        root.setExpanded(true);
        root.whenLoaded(() -> {
            for (TreeItem<ExplorerNode> schemaRow : root.getChildren()) {
                if (schemaRow.getValue().payload() instanceof SchemaRef ref && ref.name().equals(match.schema())
                        && schemaRow instanceof LazyTreeItem lazy) {
                    lazy.whenLoaded(() -> find(lazy, target(match), match).ifPresent(this::reveal));
                    return;
                }
            }
        });
    }

    private static Predicate<ExplorerNode> target(SchemaMatch m) {
        return node -> switch (m.kind()) {
            case SCHEMA -> false;
            case COLUMN -> node.role() == ExplorerNode.Role.COLUMN && node.owner() != null
                    && node.owner().name().equals(m.table()) && node.path().equals(m.name());
            case INDEX, FOREIGN_KEY, CONSTRAINT, TRIGGER -> node.kind() == m.kind() && node.owner() != null
                    && node.owner().name().equals(m.table()) && node.label().equals(m.name());
            default -> node.kind() == m.kind() && node.role() == ExplorerNode.Role.OBJECT && node.label().equals(m.name());
        };
    }

    /**
     * The row of the object, searched depth first. A table's row is opened (its columns made) only when the
     * object belongs to that table, or when the table has partitions that may be the object.
     */
    private static Optional<TreeItem<ExplorerNode>> find(TreeItem<ExplorerNode> item, Predicate<ExplorerNode> wanted,
                                                         SchemaMatch m) {
        for (TreeItem<ExplorerNode> child : item.getChildren()) {
            if (wanted.test(child.getValue())) {
                return Optional.of(child);
            }
            if (child instanceof TableItem table && !table.table().name().equals(m.table()) && !table.hasPartitions()) {
                continue;
            }
            Optional<TreeItem<ExplorerNode>> inside = find(child, wanted, m);
            if (inside.isPresent()) {
                return inside;
            }
        }
        return Optional.empty();
    }

    private void reveal(TreeItem<ExplorerNode> item) {
        for (TreeItem<ExplorerNode> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        getSelectionModel().select(item);
        int row = getRow(item);
        if (row >= 0) {
            scrollTo(Math.max(0, row - 3));
        }
        requestFocus();
    }

    // ---- actions ----

    private void activate(TreeItem<ExplorerNode> item) {
        if (item == null) {
            return;
        }
        ExplorerNode node = item.getValue();
        if (node.role() == ExplorerNode.Role.ERROR && node.payload() instanceof LazyTreeItem parent) {
            parent.reload();
        } else if (node.payload() instanceof Table table && connection != null) {
            actions.openTable(connection, table);
        }
    }

    /** The name as SQL would need it: schema-qualified and quoted where the dialect must. */
    String qualifiedName(ExplorerNode node) {
        SqlDialect dialect = workspace.dialect(connection);
        Object p = node.payload();
        if (p instanceof Table t) {
            return dialect.qualify(t.schema(), t.name());
        } else if (node.role() == ExplorerNode.Role.COLUMN && node.owner() != null) {
            String columnPath = List.of(node.path().split("\\.")).stream().map(dialect::quoteIdentifier)
                    .collect(Collectors.joining("."));
            return dialect.qualify(node.owner().schema(), node.owner().name()) + "." + columnPath;
        } else if (p instanceof SchemaRef ref) {
            return dialect.quoteIdentifier(ref.name());
        } else if (node.schema() != null && (p instanceof Routine || p instanceof Sequence || p instanceof TypeDef
                || p instanceof Index)) {
            return dialect.qualify(node.schema(), node.label());
        }
        return dialect.quoteIdentifier(node.label());
    }

    private ContextMenu menuFor(TreeItem<ExplorerNode> item) {
        ExplorerNode node = item.getValue();
        ContextMenu menu = new ContextMenu();
        MenuItem copyName = new MenuItem("Copy name", Icons.of(Feather.COPY));
        copyName.setOnAction(e -> copy(node.label()));
        menu.getItems().add(copyName);
        boolean object = node.role() == ExplorerNode.Role.OBJECT || node.role() == ExplorerNode.Role.COLUMN
                || node.role() == ExplorerNode.Role.SCHEMA;
        if (object && connection != null) {
            MenuItem copyQualified = new MenuItem("Copy qualified name");
            copyQualified.setId("copy-qualified-name");
            copyQualified.setOnAction(e -> copy(qualifiedName(node)));
            menu.getItems().add(copyQualified);
        }
        if (node.payload() instanceof Table table && connection != null) {
            ExternalDatabaseConfig config = connection;
            MenuItem select = new MenuItem("Select the first 200 rows", Icons.of(Feather.PLAY));
            select.setId("select-first-rows");
            select.setOnAction(e -> actions.openQuery(config,
                    workspace.dialect(config).selectFirstRows(table.schema(), table.name(), 200)));
            menu.getItems().add(select);
        }
        if (node.role() == ExplorerNode.Role.OBJECT || node.role() == ExplorerNode.Role.COLUMN) {
            MenuItem definition = new MenuItem("Show definition", Icons.of(Feather.FILE_TEXT));
            definition.setId("show-definition");
            definition.setOnAction(e -> actions.showDefinition(node));
            menu.getItems().add(definition);
        }
        if (node.role() != ExplorerNode.Role.LOADING) {
            MenuItem refresh = new MenuItem(node.role() == ExplorerNode.Role.CONNECTION ? "Refresh" : "Refresh this schema",
                    Icons.of(Feather.REFRESH_CW));
            refresh.setId("refresh-node");
            refresh.setOnAction(e -> refresh(item));
            menu.getItems().addAll(new SeparatorMenuItem(), refresh);
        }
        return menu;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Folders for each kind of object the schema has; empty kinds are left out. */
    static List<TreeItem<ExplorerNode>> schemaContents(Schema schema) {
        return TreeBuilder.schemaContents(schema);
    }

    /**
     * One row: icon (a key for primary-key columns), name, and dimmed detail. The row's nodes are made once
     * and reused as the cell shows other objects, which keeps scrolling through thousands of rows cheap.
     */
    private final class NodeCell extends TreeCell<ExplorerNode> {
        private final org.kordamp.ikonli.javafx.FontIcon icon = Icons.of(Feather.FOLDER);
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox box = new HBox(6, icon, name, detail);
        private Tooltip tooltip; // made for the first object with a comment this cell shows
        private String iconStyle;

        NodeCell() {
            name.getStyleClass().add("node-name");
            detail.getStyleClass().add("node-detail");
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setOnContextMenuRequested(e -> {
                ExplorerNode node = getItem();
                if (node != null && node.role() != ExplorerNode.Role.LOADING && getTreeItem() != null) {
                    menuFor(getTreeItem()).show(this, e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(ExplorerNode node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll("loading-node", "error-node");
            setText(null);
            if (empty || node == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            ObjectKind kind = node.kind();
            org.kordamp.ikonli.Ikon ikon = switch (node.role()) {
                case FOLDER -> Feather.FOLDER;
                case LOADING -> Feather.LOADER;
                case ERROR -> Feather.ALERT_CIRCLE;
                case EMPTY -> Feather.MINUS;
                case COLUMN -> node.owner() != null && !node.path().contains(".") && node.owner().isPrimaryKeyColumn(node.label())
                        ? Feather.KEY : node.payload() instanceof Column c && !c.children().isEmpty()
                        ? Feather.LIST : Icons.ikonFor(ObjectKind.COLUMN);
                default -> kind == null ? Feather.CIRCLE : Icons.ikonFor(kind);
            };
            icon.setIconCode(ikon);
            String style = node.role() == ExplorerNode.Role.COLUMN && ikon != Feather.LIST ? Icons.styleClassFor(ObjectKind.COLUMN)
                    : kind != null && node.role() != ExplorerNode.Role.FOLDER ? Icons.styleClassFor(kind) : null;
            if (iconStyle != null && !iconStyle.equals(style)) {
                icon.getStyleClass().remove(iconStyle);
            }
            if (style != null && !icon.getStyleClass().contains(style)) {
                icon.getStyleClass().add(style);
            }
            iconStyle = style;
            name.setText(node.label());
            detail.setText(node.detail());
            detail.setVisible(!node.detail().isEmpty());
            detail.setManaged(!node.detail().isEmpty());
            if (node.role() == ExplorerNode.Role.LOADING) {
                getStyleClass().add("loading-node");
            } else if (node.role() == ExplorerNode.Role.ERROR) {
                getStyleClass().add("error-node");
            }
            setGraphic(box);
            String comment = comment(node.payload());
            if (comment.isEmpty()) {
                setTooltip(null);
            } else {
                if (tooltip == null) {
                    tooltip = new Tooltip();
                }
                tooltip.setText(comment);
                setTooltip(tooltip);
            }
        }
    }

    static String comment(Object payload) {
        if (payload instanceof Table t) {
            return TreeBuilder.tableTooltip(t);
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
