package dev.sextant.query.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Result values as JSON that keeps their meaning: numbers as exact numbers, NULL as null, arrays as
 * arrays, structs as objects, a JSON column as the JSON it holds, binary as a hex string, dates as ISO text.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** A generator that can also write parsed JSON trees (a JSON column's content). */
    static JsonGenerator generator(java.io.Writer out) throws IOException {
        return MAPPER.getFactory().createGenerator(out);
    }

    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            value(g, value, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * Writes one value.
     *
     * @param jsonText the value is a JSON column's text, written as the JSON it holds when it parses
     */
    static void value(JsonGenerator g, Object value, boolean jsonText) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (jsonText && value instanceof String s) {
            try {
                g.writeTree(MAPPER.readTree(s));
            } catch (JsonProcessingException e) {
                g.writeString(s);
            }
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d && Double.isFinite(d)) {
            g.writeNumber(d);
        } else if (value instanceof Float f && Float.isFinite(f)) {
            g.writeNumber(f);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof byte[] bytes) {
            g.writeString("\\x" + HexFormat.of().formatHex(bytes));
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                value(g, item, false);
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue(), false);
            }
            g.writeEndObject();
        } else {
            g.writeString(ExportValues.text(value));
        }
    }
}
