package dev.sextant.query.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Selected cells as text for the clipboard, with a header line of column names: TSV for spreadsheets,
 * CSV, JSON (an array of objects, values keeping their types) or a Markdown table. Values are whole,
 * never the grid's shortened text.
 */
public enum CopyFormat {
    TSV("TSV"), CSV("CSV"), JSON("JSON"), MARKDOWN("Markdown");

    private final String label;

    CopyFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The rows (each in the order of {@code names}) as this format's text. */
    public String format(List<String> names, List<Object[]> rows) {
        StringBuilder sb = new StringBuilder();
        switch (this) {
            case TSV -> {
                sb.append(String.join("\t", names.stream().map(CopyFormat::tsvField).toList())).append('\n');
                for (Object[] row : rows) {
                    List<String> fields = new ArrayList<>();
                    for (Object v : row) {
                        fields.add(tsvValue(v));
                    }
                    sb.append(String.join("\t", fields)).append('\n');
                }
            }
            case CSV -> {
                sb.append(CsvWriter.line(names));
                for (Object[] row : rows) {
                    List<String> fields = new ArrayList<>();
                    for (Object v : row) {
                        fields.add(ExportValues.text(v));
                    }
                    sb.append(CsvWriter.line(fields));
                }
            }
            case JSON -> {
                List<String> keys = uniqueNames(names);
                List<Map<String, Object>> objects = new ArrayList<>();
                for (Object[] row : rows) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    for (int i = 0; i < keys.size(); i++) {
                        o.put(keys.get(i), row[i]);
                    }
                    objects.add(o);
                }
                sb.append(Json.write(objects));
            }
            case MARKDOWN -> {
                sb.append("| ").append(String.join(" | ", names.stream().map(CopyFormat::markdownCell).toList())).append(" |\n");
                sb.append("|").append(" --- |".repeat(names.size())).append('\n');
                for (Object[] row : rows) {
                    List<String> cells = new ArrayList<>();
                    for (Object v : row) {
                        cells.add(v == null ? "NULL" : markdownCell(ExportValues.text(v)));
                    }
                    sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
                }
            }
        }
        return sb.toString();
    }

    /** Column names as JSON keys: a repeated name gets a suffix (id, id_2), so no value is lost. */
    static List<String> uniqueNames(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String key = name;
            for (int n = 2; out.contains(key); n++) {
                key = name + "_" + n;
            }
            out.add(key);
        }
        return out;
    }

    /**
     * A value as a TSV field, as spreadsheets take it: whole, NULL empty, tabs and line breaks made spaces
     * so that the value stays in its cell. Copying cells without a header (Ctrl+C) writes the same.
     */
    public static String tsvValue(Object v) {
        return v == null ? "" : tsvField(ExportValues.text(v));
    }

    /** Tabs and line breaks would break the grid a spreadsheet pastes, so they become spaces. */
    private static String tsvField(String s) {
        return s.replace('\t', ' ').replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static String markdownCell(String s) {
        return s.replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>");
    }
}
