package dev.sextant.ui.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.ValueKind;
import dev.sextant.query.export.ExportValues;
import dev.sextant.query.export.Json;
import dev.sextant.ui.Icons;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * One cell's whole value beside the grid: text in full, JSON pretty-printed, binary as a hex dump with
 * offsets and characters, and arrays and structs as an expandable tree as well as JSON.
 */
public final class ValueViewer extends VBox {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int HEX_DUMP_LIMIT = 64 * 1024;

    private final Label title = new Label("Value");
    private final Label kind = new Label();
    private final TextArea text = new TextArea();
    private final TreeView<String> tree = new TreeView<>();

    public ValueViewer(Runnable onClose) {
        super(4);
        setId("value-viewer");
        getStyleClass().add("value-viewer");
        setPadding(new Insets(6));
        title.getStyleClass().add("value-title");
        kind.getStyleClass().add("text-muted");
        kind.setId("value-kind");
        Button close = new Button(null, Icons.of(Feather.X));
        close.setOnAction(e -> onClose.run());
        close.getStyleClass().add("flat");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, Icons.of(Feather.MAXIMIZE_2), title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);
        text.setId("value-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("value-text");
        tree.setId("value-tree");
        tree.setShowRoot(true);
        tree.managedProperty().bind(tree.visibleProperty());
        tree.setVisible(false);
        tree.setPrefHeight(160);
        VBox.setVgrow(text, Priority.ALWAYS);
        getChildren().addAll(header, kind, tree, text);
        setMinWidth(220);
    }

    /** Shows a value of the column; null shows NULL. */
    public void show(ColumnInfo column, Object value) {
        title.setText(column == null ? "Value" : column.name());
        tree.setVisible(false);
        text.setWrapText(true);
        if (value == null) {
            kind.setText((column == null ? "" : column.databaseType().toLowerCase(java.util.Locale.ROOT) + " · ") + "NULL");
            text.setText("NULL");
            return;
        }
        String type = column == null ? "" : column.databaseType().toLowerCase(java.util.Locale.ROOT);
        if (value instanceof byte[] bytes) {
            kind.setText(type + " · " + bytes.length + " bytes, shown as hex");
            text.setWrapText(false);
            text.setText(hexDump(bytes));
        } else if (value instanceof List<?> || value instanceof Map<?, ?>) {
            kind.setText(type + " · " + (value instanceof List<?> l ? l.size() + " elements" : ((Map<?, ?>) value).size() + " fields"));
            tree.setRoot(node(value instanceof List<?> ? "array" : "struct", value));
            tree.getRoot().setExpanded(true);
            tree.setVisible(true);
            text.setText(pretty(Json.write(value)));
        } else if (column != null && column.kind() == ValueKind.JSON || looksLikeJson(value)) {
            kind.setText(type + " · JSON, pretty-printed");
            text.setText(pretty(value.toString()));
        } else {
            String whole = ExportValues.text(value);
            kind.setText(type + " · " + whole.length() + " characters");
            text.setText(whole);
        }
    }

    private static boolean looksLikeJson(Object value) {
        if (!(value instanceof String s)) {
            return false;
        }
        String t = s.strip();
        return t.startsWith("{") && t.endsWith("}") || t.startsWith("[") && t.endsWith("]");
    }

    /** JSON with indentation; text that does not parse is shown as it is. */
    static String pretty(String json) {
        try {
            JsonNode node = PRETTY.readTree(json);
            return PRETTY.writeValueAsString(node);
        } catch (Exception e) {
            return json;
        }
    }

    private static TreeItem<String> node(String label, Object value) {
        if (value instanceof List<?> list) {
            TreeItem<String> item = new TreeItem<>(label + "  [" + list.size() + "]");
            for (int i = 0; i < list.size(); i++) {
                item.getChildren().add(node("[" + i + "]", list.get(i)));
            }
            return item;
        }
        if (value instanceof Map<?, ?> map) {
            TreeItem<String> item = new TreeItem<>(label + "  {" + map.size() + "}");
            map.forEach((k, v) -> item.getChildren().add(node(String.valueOf(k), v)));
            return item;
        }
        return new TreeItem<>(label + ": " + (value == null ? "NULL" : ValueFormat.format(value)));
    }

    /** Sixteen bytes a line: offset, hex, and the printable ASCII characters. */
    static String hexDump(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(bytes.length, HEX_DUMP_LIMIT);
        for (int line = 0; line < n; line += 16) {
            sb.append(String.format("%08x  ", line));
            StringBuilder ascii = new StringBuilder();
            for (int i = line; i < line + 16; i++) {
                if (i < n) {
                    int b = bytes[i] & 0xff;
                    sb.append(String.format("%02x ", b));
                    ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                } else {
                    sb.append("   ");
                }
                if (i == line + 7) {
                    sb.append(' ');
                }
            }
            sb.append(' ').append(ascii).append('\n');
        }
        if (bytes.length > n) {
            sb.append(String.format("… %,d more bytes%n", bytes.length - n));
        }
        return sb.toString();
    }

    public String shownText() {
        return text.getText();
    }
}
