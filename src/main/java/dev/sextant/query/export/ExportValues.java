package dev.sextant.query.export;

import dev.sextant.query.TemporalText;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Values as text for files: whole, ISO dates, binary as hex, arrays and structs as JSON. */
public final class ExportValues {

    private ExportValues() {
    }

    /** The value as text, never cut; NULL as null so each format can write it its own way. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        String time = TemporalText.of(value, ' ');
        if (time != null) {
            return time;
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return Json.write(value);
        }
        return value.toString();
    }
}
