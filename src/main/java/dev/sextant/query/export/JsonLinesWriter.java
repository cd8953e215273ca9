package dev.sextant.query.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.ValueKind;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** One JSON object per line, keyed by column name (a repeated name gets a suffix: id, id_2). */
final class JsonLinesWriter implements RowWriter {

    private final Writer out;
    private final JsonGenerator g;
    private List<String> keys = List.of();
    private List<ColumnInfo> columns = List.of();

    JsonLinesWriter(Writer out) throws IOException {
        this.out = out;
        this.g = Json.generator(out);
        g.setRootValueSeparator(null);
    }

    @Override
    public void header(List<ColumnInfo> cols) {
        this.columns = cols;
        keys = CopyFormat.uniqueNames(cols.stream().map(ColumnInfo::name).toList());
    }

    @Override
    public void row(Object[] values) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            g.writeFieldName(keys.get(i));
            Json.value(g, values[i], columns.get(i).kind() == ValueKind.JSON);
        }
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }

    @Override
    public void finish() throws IOException {
        g.flush();
        out.flush();
    }
}
