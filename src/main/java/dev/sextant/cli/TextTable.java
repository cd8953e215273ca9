package dev.sextant.cli;

import java.io.PrintWriter;
import java.util.List;

/** Plain aligned text for people reading a terminal; scripts use the json or csv formats. */
final class TextTable {

    private TextTable() {
    }

    /** Rows of cells, the first row being the header, in columns two spaces apart. */
    static void print(PrintWriter out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], TerminalWidth.of(row[i]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : TerminalWidth.pad(row[i], widths[i] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** "Key: value" lines with the values aligned. */
    static void printPairs(PrintWriter out, List<String[]> pairs) {
        int width = pairs.stream().mapToInt(p -> TerminalWidth.of(p[0])).max().orElse(0) + 2;
        for (String[] p : pairs) {
            out.println(TerminalWidth.pad(p[0] + ":", width) + p[1]);
        }
    }
}
