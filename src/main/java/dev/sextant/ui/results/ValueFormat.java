package dev.sextant.ui.results;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/** Turns result values into the text a grid cell shows; NULL is handled by the cell, not here. */
public final class ValueFormat {

    static final int BINARY_PREVIEW_BYTES = 24;
    static final int TEXT_PREVIEW_CHARS = 500;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS]");
    private static final DateTimeFormatter DATE_TIME_TZ = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS]xxx");

    private ValueFormat() {
    }

    public static String format(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return binary(bytes);
        }
        if (value instanceof LocalDateTime t) {
            return trimNanos(DATE_TIME.format(t));
        }
        if (value instanceof OffsetDateTime t) {
            return trimNanos(DATE_TIME_TZ.format(t));
        }
        if (value instanceof LocalTime t) {
            return t.toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size() && sb.length() < TEXT_PREVIEW_CHARS; i++) {
                sb.append(i == 0 ? "" : ", ").append(list.get(i) == null ? "NULL" : format(list.get(i)));
            }
            return cut(sb.append(']').toString());
        }
        if (value instanceof java.util.Map<?, ?> struct) {
            StringBuilder sb = new StringBuilder("{");
            for (var e : struct.entrySet()) {
                if (sb.length() > TEXT_PREVIEW_CHARS) {
                    break;
                }
                sb.append(sb.length() == 1 ? "" : ", ").append(e.getKey()).append(": ")
                        .append(e.getValue() == null ? "NULL" : format(e.getValue()));
            }
            return cut(sb.append('}').toString());
        }
        if (value instanceof Double || value instanceof Float) {
            return value.toString();
        }
        String text = value.toString();
        if (text.length() > TEXT_PREVIEW_CHARS) {
            text = text.substring(0, TEXT_PREVIEW_CHARS) + "…";
        }
        return text.replace("\r\n", " ⏎ ").replace('\n', '⏎').replace('\t', ' ');
    }

    private static String cut(String s) {
        return s.length() > TEXT_PREVIEW_CHARS ? s.substring(0, TEXT_PREVIEW_CHARS) + "…" : s;
    }

    /**
     * The whole value as text, for copying: nothing shortened, binary as full hex, NULL as an empty
     * string (as spreadsheets expect).
     */
    public static String full(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(list.get(i) == null ? "NULL" : full(list.get(i)));
            }
            return sb.append(']').toString();
        }
        return format(value);
    }

    /** Hex preview with the full length, e.g. {@code 0x0a1b… (32 bytes)}. */
    static String binary(byte[] bytes) {
        String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, BINARY_PREVIEW_BYTES));
        return "0x" + hex + (bytes.length > BINARY_PREVIEW_BYTES ? "…" : "") + " (" + bytes.length + " bytes)";
    }

    /** Drops trailing zero fractions: 12:00:00.000000000 becomes 12:00:00, 12:00:00.500000000 becomes 12:00:00.5. */
    private static String trimNanos(String s) {
        int dot = s.indexOf('.', 17);
        if (dot < 0) {
            return s;
        }
        int end = dot + 1;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        String fraction = s.substring(dot + 1, end).replaceAll("0+$", "");
        return s.substring(0, dot) + (fraction.isEmpty() ? "" : "." + fraction) + s.substring(end);
    }
}
