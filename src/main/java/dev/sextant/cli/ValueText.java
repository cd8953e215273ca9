package dev.sextant.cli;

import dev.sextant.query.TemporalText;
import dev.sextant.query.export.Json;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Result values as text for CSV and the terminal table: decimals in full without exponent, binary as
 * {@code 0x} hex, dates and times in ISO-8601, arrays and structs as JSON. NULL is the caller's to show.
 */
final class ValueText {

    private ValueText() {
    }

    static String of(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        String time = TemporalText.of(value, 'T');
        if (time != null) {
            return time;
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            // as the window's CSV export writes them: JSON, which a script can read back
            return Json.write(value);
        }
        return value.toString();
    }
}
