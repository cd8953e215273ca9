package dev.sextant.ui.explorer;

import dev.sextant.config.ExternalDatabaseConfig;
import dev.sextant.schema.Column;
import dev.sextant.schema.Constraint;
import dev.sextant.schema.ForeignKey;
import dev.sextant.schema.Index;
import dev.sextant.schema.PrimaryKey;
import dev.sextant.schema.Routine;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Sequence;
import dev.sextant.schema.Table;
import dev.sextant.schema.Trigger;
import dev.sextant.schema.TypeDef;
import dev.sextant.ui.Bytes;
import dev.sextant.ui.Icons;
import dev.sextant.ui.Tips;
import dev.sextant.ui.window.MonoFont;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.feather.Feather;

/**
 * Below the tree: the selected object's properties (type, comment, row estimate, keys, indexes, a
 * column's type and default…) and its definition, read-only and highlighted, with a copy button.
 */
public final class DetailsPane extends TabPane {

    private final GridPane properties = new GridPane();
    /** Made when the definition tab first shows: the editor's classes cost the window's first start. */
    private CodeArea definition;
    private final BorderPane definitionBox = new BorderPane();
    private final Label definitionTitle = new Label();
    private final Tab propertiesTab;
    private final Tab definitionTab;
    private String pendingDefinition;

    public DetailsPane() {
        setId("details-pane");
        getStyleClass().addAll("details-pane", "dense");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);

        properties.setId("object-properties");
        properties.setHgap(10);
        properties.setVgap(3);
        properties.setPadding(new Insets(8, 10, 8, 10));
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        properties.getColumnConstraints().setAll(keys, values);
        ScrollPane scroll = new ScrollPane(properties);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        propertiesTab = new Tab("Properties", scroll);
        propertiesTab.setGraphic(Icons.of(Feather.INFO));

        Button copy = new Button(null, Icons.of(Feather.CLIPBOARD));
        copy.getStyleClass().addAll("flat", "small", "button-icon");
        Tips.set(copy, "Copy the definition");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(definition().getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        definitionTitle.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, definitionTitle, spacer, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 6, 2, 10));
        definitionBox.setTop(bar);
        definitionTab = new Tab("Definition", definitionBox);
        definitionTab.setGraphic(Icons.of(Feather.FILE_TEXT));
        getTabs().setAll(propertiesTab, definitionTab);
        definitionTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                showPendingDefinition();
            }
        });
        show(null, null, "");
    }

    /** Shows a row's properties; {@code definitionText} fills the definition tab (empty when there is none). */
    public void show(ExplorerNode node, ExternalDatabaseConfig config, String definitionText) {
        properties.getChildren().clear();
        List<String[]> rows = node == null ? List.of() : rows(node, config);
        if (rows.isEmpty()) {
            Label hint = new Label("Select an object in the tree to see its properties.");
            hint.getStyleClass().add("text-muted");
            hint.setWrapText(true);
            properties.add(hint, 0, 0, 2, 1);
        }
        int r = 0;
        for (String[] row : rows) {
            Label key = new Label(row[0]);
            key.getStyleClass().add("text-muted");
            GridPane.setValignment(key, VPos.TOP);
            Label value = new Label(row[1]);
            value.setWrapText(true);
            value.getStyleClass().add("property-value");
            value.setId("property-" + row[0].toLowerCase(Locale.ROOT).replace(' ', '-'));
            properties.addRow(r++, key, value);
        }
        definitionTitle.setText(node == null ? "" : node.label());
        pendingDefinition = definitionText == null || definitionText.isEmpty()
                ? (node == null ? "" : "-- No definition for this kind of object.") : definitionText;
        if (definitionTab.isSelected()) {
            showPendingDefinition();
        }
    }

    /**
     * Puts the definition into the editor; done only while the definition tab shows, because laying out
     * styled text costs more than walking the tree with the arrow keys can wait for.
     */
    private void showPendingDefinition() {
        String text = pendingDefinition;
        if (text == null) {
            return;
        }
        pendingDefinition = null;
        CodeArea area = definition();
        area.replaceText(text);
        if (!text.isEmpty()) {
            area.setStyleSpans(0, SqlHighlighter.spans(text));
        }
        area.moveTo(0);
        area.requestFollowCaret();
    }

    public void showDefinitionTab() {
        getSelectionModel().select(definitionTab);
        showPendingDefinition();
    }

    public void showPropertiesTab() {
        getSelectionModel().select(propertiesTab);
    }

    /** The read-only editor of the definition tab, made on first use. */
    public CodeArea definition() {
        if (definition == null) {
            definition = new CodeArea();
            definition.setId("definition-view");
            definition.setEditable(false);
            definition.setWrapText(false);
            definition.getStyleClass().addAll("sql-editor", "definition-view");
            MonoFont.use(definition);
            definitionBox.setCenter(new VirtualizedScrollPane<>(definition));
        }
        return definition;
    }

    /** The label and value of each property of the row's object, in reading order. */
    static List<String[]> rows(ExplorerNode node, ExternalDatabaseConfig config) {
        List<String[]> rows = new ArrayList<>();
        Object p = node.payload();
        if (p instanceof Table t) {
            add(rows, "Type", t.kind().label());
            add(rows, "Name", t.name());
            add(rows, "Schema", t.schema());
            add(rows, "Comment", t.comment());
            add(rows, "Rows (estimate)", t.rowEstimate() >= 0 ? String.format("%,d", t.rowEstimate()) : "unknown");
            add(rows, "Size", t.storage().sizeBytes() >= 0 ? Bytes.format(t.storage().sizeBytes(), 1) : "");
            add(rows, "Partitioned by", t.storage().partitioning());
            add(rows, "Clustered by", String.join(", ", t.storage().clustering()));
            add(rows, "Columns", String.valueOf(t.columns().size()));
            add(rows, "Primary key", t.primaryKeyOpt().map(DetailsPane::key).orElse("none"));
            add(rows, "Foreign keys", t.foreignKeys().stream().map(fk -> (fk.name().isEmpty() ? "" : fk.name() + ": ")
                    + String.join(", ", fk.columns()) + " → " + fk.referencedSchema() + "." + fk.referencedTable()
                    + "(" + String.join(", ", fk.referencedColumns()) + ")").collect(Collectors.joining("\n")));
            add(rows, "Indexes", t.indexes().stream().map(i -> i.name() + (i.unique() ? " (unique)" : "") + ": "
                    + String.join(", ", i.columns())).collect(Collectors.joining("\n")));
            add(rows, "Constraints", t.constraints().stream().map(c -> c.name() + ": " + c.definition()).collect(Collectors.joining("\n")));
            add(rows, "Triggers", t.triggers().stream().map(tr -> tr.name() + ": " + tr.event()).collect(Collectors.joining("\n")));
        } else if (p instanceof Column c) {
            add(rows, "Type", c.children().isEmpty() ? "column" : "record column");
            add(rows, "Name", node.path());
            add(rows, "Table", node.owner() == null ? "" : node.owner().schema() + "." + node.owner().name());
            add(rows, "Data type", c.dataType());
            add(rows, "Nullable", c.nullable() ? "yes" : "no");
            add(rows, "Repeated", c.repeated() ? "yes (an array of values)" : "");
            add(rows, "Default", c.defaultValue());
            add(rows, "Position", String.valueOf(c.position()));
            if (node.owner() != null && !node.path().contains(".")) {
                add(rows, "Key", (node.owner().isPrimaryKeyColumn(c.name()) ? "primary key " : "")
                        + (node.owner().isForeignKeyColumn(c.name()) ? "foreign key" : ""));
            }
            add(rows, "Fields", c.children().stream().map(f -> f.name() + " " + f.dataType()).collect(Collectors.joining("\n")));
            add(rows, "Comment", c.comment());
        } else if (p instanceof SchemaRef ref) {
            add(rows, "Type", "schema");
            add(rows, "Name", ref.name());
            add(rows, "Catalog", ref.catalog());
            add(rows, "Comment", ref.comment());
        } else if (p instanceof Routine r) {
            add(rows, "Type", r.procedure() ? "procedure" : "function");
            add(rows, "Name", r.name() + r.signature());
            add(rows, "Returns", r.returnType());
            add(rows, "Comment", r.comment());
        } else if (p instanceof Sequence q) {
            add(rows, "Type", "sequence");
            add(rows, "Name", q.name());
            add(rows, "Data type", q.dataType());
            add(rows, "Start", String.valueOf(q.start()));
            add(rows, "Increment", String.valueOf(q.increment()));
            add(rows, "Comment", q.comment());
        } else if (p instanceof TypeDef t) {
            add(rows, "Type", t.kind().name().toLowerCase(Locale.ROOT) + " type");
            add(rows, "Name", t.name());
            add(rows, "Details", t.details());
            add(rows, "Elements", String.join("\n", t.elements()));
            add(rows, "Comment", t.comment());
        } else if (p instanceof Index i) {
            add(rows, "Type", i.unique() ? "unique index" : "index");
            add(rows, "Name", i.name());
            add(rows, "Columns", String.join(", ", i.columns()));
            add(rows, "Comment", i.comment());
        } else if (p instanceof ForeignKey fk) {
            add(rows, "Type", "foreign key");
            add(rows, "Name", fk.name());
            add(rows, "Columns", String.join(", ", fk.columns()));
            add(rows, "References", fk.referencedSchema() + "." + fk.referencedTable() + "(" + String.join(", ", fk.referencedColumns()) + ")");
        } else if (p instanceof Constraint c) {
            add(rows, "Type", c.type().name().toLowerCase(Locale.ROOT) + " constraint");
            add(rows, "Name", c.name());
            add(rows, "Definition", c.definition());
        } else if (p instanceof Trigger tr) {
            add(rows, "Type", "trigger");
            add(rows, "Name", tr.name());
            add(rows, "Fires", tr.event());
        } else if (p instanceof ExternalDatabaseConfig c) {
            add(rows, "Type", "connection");
            add(rows, "Name", c.name());
            add(rows, "Kind", c.kind().label() + (c.readOnly() ? ", read-only" : ""));
            for (Map.Entry<String, String> e : c.parameters().entrySet()) {
                add(rows, e.getKey(), e.getValue());
            }
        }
        return rows;
    }

    private static String key(PrimaryKey pk) {
        return (pk.name().isEmpty() ? "" : pk.name() + ": ") + String.join(", ", pk.columns());
    }

    private static void add(List<String[]> rows, String key, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(new String[] {key, value});
        }
    }
}
