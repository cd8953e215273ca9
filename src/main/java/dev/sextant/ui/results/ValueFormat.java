package dev.sextant.ui.results;

import dev.sextant.query.TemporalText;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Turns result values into the text a grid cell shows; NULL is handled by the cell, not here. */
public final class ValueFormat {

    static final int BINARY_PREVIEW_BYTES = 24;
    static final int TEXT_PREVIEW_CHARS = 500;

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
        String time = TemporalText.of(value, ' ');
        if (time != null) {
            return time;
        }
        if (value instanceof Double || value instanceof Float) {
            return value.toString();
        }
        String text = value instanceof List<?> || value instanceof Map<?, ?> ? structured(value) : value.toString();
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
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            StringBuilder sb = new StringBuilder();
            json(sb, value);
            return sb.toString();
        }
        return format(value);
    }

    /**
     * An array or a struct (record) as the cell shows it: {@code [1, 2]}, {@code {name: "Ada", tags: ["x"]}}.
     * Texts inside are quoted so that a NULL element never looks like the text 'NULL'.
     */
    private static String structured(Object value) {
        StringBuilder sb = new StringBuilder();
        structured(sb, value);
        return sb.toString();
    }

    private static void structured(StringBuilder sb, Object value) {
        if (sb.length() > TEXT_PREVIEW_CHARS) {
            return;
        }
        if (value == null) {
            sb.append("NULL");
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append(": ");
                structured(sb, e.getValue());
                first = false;
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ");
                structured(sb, list.get(i));
            }
            sb.append(']');
        } else if (value instanceof String text) {
            quote(sb, text);
        } else {
            sb.append(format(value));
        }
    }

    /**
     * A value as JSON, for copying arrays and structs: numbers and booleans bare, binary as base64 (as
     * BigQuery writes it), dates and times as ISO-8601 text, NULL as null, NaN and infinities as text.
     */
    private static void json(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ",");
                quote(sb, String.valueOf(e.getKey()));
                sb.append(':');
                json(sb, e.getValue());
                first = false;
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                json(sb, list.get(i));
            }
            sb.append(']');
        } else if (value instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite()) || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            quote(sb, value.toString());
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof byte[] bytes) {
            quote(sb, Base64.getEncoder().encodeToString(bytes));
        } else {
            quote(sb, value.toString());
        }
    }

    private static void quote(StringBuilder sb, String text) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Hex preview with the full length, e.g. {@code 0x0a1b… (32 bytes)}. */
    static String binary(byte[] bytes) {
        String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, BINARY_PREVIEW_BYTES));
        return "0x" + hex + (bytes.length > BINARY_PREVIEW_BYTES ? "…" : "") + " (" + bytes.length + " bytes)";
    }
}
