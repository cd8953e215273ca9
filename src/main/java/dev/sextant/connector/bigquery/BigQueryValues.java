package dev.sextant.connector.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Range;
import com.google.cloud.bigquery.StandardSQLTypeName;
import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.Nullability;
import dev.sextant.connector.ValueKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * BigQuery's values as plain Java values that keep their meaning: STRUCT as an ordered map of field name
 * to value, ARRAY (REPEATED) as a list, NUMERIC and BIGNUMERIC as BigDecimal, TIMESTAMP as an
 * OffsetDateTime in UTC, DATETIME/DATE/TIME as java.time local values, BYTES as byte[], INT64 as Long.
 * JSON, GEOGRAPHY (WKT), INTERVAL and RANGE keep BigQuery's own text. All are serializable, as the
 * result store needs.
 */
final class BigQueryValues {

    private BigQueryValues() {
    }

    static List<ColumnInfo> columns(FieldList fields) {
        List<ColumnInfo> columns = new ArrayList<>();
        if (fields != null) {
            for (Field f : fields) {
                columns.add(new ColumnInfo(f.getName(), sqlType(f), kind(f), nullability(f)));
            }
        }
        return columns;
    }

    static Object[] row(FieldList fields, FieldValueList values) {
        Object[] row = new Object[fields.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = value(fields.get(i), values.get(i));
        }
        return row;
    }

    static Object value(Field field, FieldValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (field.getMode() == Field.Mode.REPEATED || v.getAttribute() == FieldValue.Attribute.REPEATED) {
            List<Object> list = new ArrayList<>();
            for (FieldValue element : v.getRepeatedValue()) {
                list.add(element == null || element.isNull() ? null : single(field, element));
            }
            return Collections.unmodifiableList(list);
        }
        return single(field, v);
    }

    private static Object single(Field field, FieldValue v) {
        StandardSQLTypeName type = field.getType().getStandardType();
        return switch (type) {
            case STRUCT -> struct(field.getSubFields(), v.getRecordValue());
            case INT64 -> v.getLongValue();
            case FLOAT64 -> v.getDoubleValue();
            case NUMERIC, BIGNUMERIC -> new BigDecimal(v.getStringValue());
            case BOOL -> v.getBooleanValue();
            case TIMESTAMP -> OffsetDateTime.ofInstant(v.getTimestampInstant(), ZoneOffset.UTC);
            case DATETIME -> LocalDateTime.parse(v.getStringValue().replace(' ', 'T'));
            case DATE -> LocalDate.parse(v.getStringValue());
            case TIME -> LocalTime.parse(v.getStringValue());
            case BYTES -> v.getBytesValue();
            case RANGE -> range(v);
            default -> v.getStringValue(); // STRING, JSON, GEOGRAPHY (WKT), INTERVAL
        };
    }

    /** BigQuery's own notation, e.g. {@code [2024-01-01, 2024-02-01)} or {@code [UNBOUNDED, 2024-02-01)}. */
    private static String range(FieldValue v) {
        if (v.getAttribute() != FieldValue.Attribute.RANGE) {
            return v.getStringValue();
        }
        Range r = v.getRangeValue();
        return "[" + bound(r.getStart()) + ", " + bound(r.getEnd()) + ")";
    }

    private static String bound(FieldValue v) {
        return v == null || v.isNull() ? "UNBOUNDED" : v.getStringValue();
    }

    private static Map<String, Object> struct(FieldList fields, FieldValueList values) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            map.put(fields.get(i).getName(), value(fields.get(i), values.get(i)));
        }
        return Collections.unmodifiableMap(map);
    }

    static ValueKind kind(Field f) {
        if (f.getMode() == Field.Mode.REPEATED) {
            return ValueKind.ARRAY;
        }
        return switch (f.getType().getStandardType()) {
            case INT64 -> ValueKind.INTEGER;
            case FLOAT64 -> ValueKind.FLOAT;
            case NUMERIC, BIGNUMERIC -> ValueKind.DECIMAL;
            case BOOL -> ValueKind.BOOLEAN;
            case TIMESTAMP -> ValueKind.TIMESTAMP_TZ;
            case DATETIME -> ValueKind.TIMESTAMP;
            case DATE -> ValueKind.DATE;
            case TIME -> ValueKind.TIME;
            case INTERVAL -> ValueKind.INTERVAL;
            case BYTES -> ValueKind.BINARY;
            case JSON -> ValueKind.JSON;
            case STRUCT -> ValueKind.STRUCT;
            default -> ValueKind.TEXT;
        };
    }

    private static Nullability nullability(Field f) {
        if (f.getMode() == Field.Mode.REQUIRED) {
            return Nullability.NOT_NULL;
        }
        return f.getMode() == Field.Mode.REPEATED ? Nullability.UNKNOWN : Nullability.NULLABLE;
    }

    /** The GoogleSQL type, e.g. {@code ARRAY<STRUCT<name STRING, qty INT64>>} or {@code NUMERIC(10, 2)}. */
    static String sqlType(Field f) {
        String base = baseType(f);
        if (f.getType().getStandardType() == StandardSQLTypeName.STRUCT && f.getSubFields() != null) {
            StringJoiner inner = new StringJoiner(", ", "STRUCT<", ">");
            f.getSubFields().forEach(sub -> inner.add(sub.getName() + " " + sqlType(sub)));
            base = inner.toString();
        }
        return f.getMode() == Field.Mode.REPEATED ? "ARRAY<" + base + ">" : base;
    }

    /** The type without ARRAY and without a STRUCT's fields (the schema tree shows those as children). */
    static String baseType(Field f) {
        StandardSQLTypeName type = f.getType().getStandardType();
        String name = type.name();
        if ((type == StandardSQLTypeName.NUMERIC || type == StandardSQLTypeName.BIGNUMERIC) && f.getPrecision() != null) {
            return name + "(" + f.getPrecision() + (f.getScale() == null ? "" : ", " + f.getScale()) + ")";
        }
        if ((type == StandardSQLTypeName.STRING || type == StandardSQLTypeName.BYTES) && f.getMaxLength() != null) {
            return name + "(" + f.getMaxLength() + ")";
        }
        if (type == StandardSQLTypeName.RANGE && f.getRangeElementType() != null) {
            return "RANGE<" + f.getRangeElementType().getType() + ">";
        }
        return name;
    }
}
