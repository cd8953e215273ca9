package dev.sextant.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ColumnInfo;
import dev.sextant.query.ValueJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a result to stdout as it streams in, row by row, so memory stays flat however many rows come.
 * One implementation per {@code --format}.
 */
abstract class RowWriter {

    /** The output formats of {@code sextant query}. */
    enum Format {
        TABLE, CSV, JSON, JSONL;

        RowWriter open(PrintWriter out) {
            return switch (this) {
                case TABLE -> new Table(out);
                case CSV -> new Csv(out);
                case JSON -> new Json(out, false);
                case JSONL -> new Json(out, true);
            };
        }
    }

    protected final PrintWriter out;

    RowWriter(PrintWriter out) {
        this.out = out;
    }

    abstract void start(List<ColumnInfo> columns);

    abstract void row(Object[] values);

    /** @param moreRemain rows were left unread because of --max-rows */
    abstract void end(long rows, boolean moreRemain);

    /** For statements without rows. */
    abstract void updateCount(long count);

    static List<String> labels(List<ColumnInfo> columns) {
        return BaseDBConnector.uniqueLabels(columns);
    }

    /** RFC 4180 fields with LF line ends; NULL is an empty field, an empty text is {@code ""}. */
    static final class Csv extends RowWriter {
        Csv(PrintWriter out) {
            super(out);
        }

        @Override
        void start(List<ColumnInfo> columns) {
            List<String> labels = labels(columns);
            line(labels.toArray());
        }

        @Override
        void row(Object[] values) {
            line(values);
        }

        private void line(Object[] values) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                if (values[i] != null) {
                    field(sb, ValueText.of(values[i]));
                }
            }
            out.append(sb).append('\n');
        }

        private static void field(StringBuilder sb, String text) {
            boolean quote = text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0 || !text.equals(text.strip());
            if (!quote) {
                sb.append(text);
                return;
            }
            sb.append('"').append(text.replace("\"", "\"\"")).append('"');
        }

        @Override
        void end(long rows, boolean moreRemain) {
            // nothing follows the last row
        }

        @Override
        void updateCount(long count) {
            out.append(BaseDBConnector.UPDATE_COUNT_KEY).append('\n').append(String.valueOf(count)).append('\n');
        }
    }

    /** A JSON array of objects, one per line ({@code json}), or one object per line and no array ({@code jsonl}). */
    static final class Json extends RowWriter {
        private static final JsonFactory FACTORY = new JsonFactory()
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        private final boolean lines;
        private final JsonGenerator json;
        private List<String> labels;
        private boolean first = true;

        Json(PrintWriter out, boolean lines) {
            super(out);
            this.lines = lines;
            try {
                this.json = FACTORY.createGenerator(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.setRootValueSeparator(null);
        }

        @Override
        void start(List<ColumnInfo> columns) {
            labels = labels(columns);
            raw(lines ? "" : "[");
        }

        @Override
        void row(Object[] values) {
            try {
                raw(lines ? "" : first ? "\n" : ",\n");
                first = false;
                json.writeStartObject();
                for (int i = 0; i < values.length; i++) {
                    json.writeFieldName(labels.get(i));
                    ValueJson.write(json, values[i]);
                }
                json.writeEndObject();
                raw(lines ? "\n" : "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void end(long rows, boolean moreRemain) {
            raw(lines ? "" : first ? "]\n" : "\n]\n");
            flush();
        }

        @Override
        void updateCount(long count) {
            raw((lines ? "" : "[") + "{\"" + BaseDBConnector.UPDATE_COUNT_KEY + "\":" + count + "}" + (lines ? "\n" : "]\n"));
            flush();
        }

        private void raw(String text) {
            if (text.isEmpty()) {
                return;
            }
            try {
                json.writeRaw(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void flush() {
            try {
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Aligned columns for a terminal. Widths come from the first {@value #SAMPLE} rows (held until then);
     * later rows are cut to them, and no value is wider than {@value #MAX_WIDTH} characters.
     */
    static final class Table extends RowWriter {
        static final int SAMPLE = 100;
        static final int MAX_WIDTH = 60;
        private List<String> labels;
        private int[] widths;
        private final List<String[]> held = new ArrayList<>();

        Table(PrintWriter out) {
            super(out);
        }

        @Override
        void start(List<ColumnInfo> columns) {
            labels = labels(columns);
        }

        @Override
        void row(Object[] values) {
            String[] cells = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                cells[i] = ValueText.of(values[i]).replace("\r\n", " ").replace('\n', ' ').replace('\t', ' ');
            }
            if (widths == null) {
                held.add(cells);
                if (held.size() >= SAMPLE) {
                    printHeld();
                }
            } else {
                print(cells);
            }
        }

        private void printHeld() {
            widths = new int[labels.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(1, Math.min(MAX_WIDTH, TerminalWidth.of(labels.get(i))));
                for (String[] cells : held) {
                    widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, TerminalWidth.of(cells[i])));
                }
            }
            print(labels.toArray(new String[0]));
            StringBuilder rule = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
            }
            out.println(rule);
            held.forEach(this::print);
            held.clear();
        }

        private void print(String[] cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                String cell = TerminalWidth.cut(cells[i], widths[i]);
                line.append(i == 0 ? "" : "  ").append(i == cells.length - 1 ? cell : TerminalWidth.pad(cell, widths[i]));
            }
            out.println(line.toString().stripTrailing());
        }

        @Override
        void end(long rows, boolean moreRemain) {
            if (widths == null) {
                printHeld();
            }
            out.println("(" + rows + (rows == 1 ? " row" : " rows") + (moreRemain ? "; more remain" : "") + ")");
        }

        @Override
        void updateCount(long count) {
            out.println(count < 0 ? "Done." : count + (count == 1 ? " row changed." : " rows changed."));
        }
    }
}
