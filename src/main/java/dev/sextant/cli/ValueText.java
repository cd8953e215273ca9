package dev.sextant.cli;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;

/**
 * Result values as text for CSV and the terminal table: decimals in full without exponent, binary as
 * {@code 0x} hex, dates and times in ISO-8601, arrays in brackets. NULL is the caller's to show.
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
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(of(list.get(i)));
            }
            return sb.append(']').toString();
        }
        return value.toString();
    }
}
