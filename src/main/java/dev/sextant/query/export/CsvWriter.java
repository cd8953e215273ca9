package dev.sextant.query.export;

import dev.sextant.connector.ColumnInfo;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote, line
 * break or leading/trailing space. NULL is an empty field; an empty string is {@code ""}, so the two
 * stay apart.
 */
final class CsvWriter implements RowWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /** One CSV line, for copying cells as well as for files. */
    static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        return sb.append("\r\n").toString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.isEmpty() || value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.startsWith(" ") || value.endsWith(" ");
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    @Override
    public void header(List<ColumnInfo> columns) throws IOException {
        out.write(line(columns.stream().map(ColumnInfo::name).toList()));
    }

    @Override
    public void row(Object[] values) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(ExportValues.text(values[i])));
        }
        out.write(sb.append("\r\n").toString());
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
