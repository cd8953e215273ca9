package dev.sextant.connector.jdbc;

import dev.sextant.connector.ColumnInfo;
import dev.sextant.connector.Nullability;
import dev.sextant.connector.ValueKind;
import java.io.Serializable;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads JDBC values into plain, immutable, serializable Java values that keep their meaning: dates as
 * java.time, exact numbers as BigDecimal, arrays as lists, binary as byte[], JSON as text. Shared by the
 * JDBC-based connectors; each may override {@link #kindOf} for its own types.
 */
public class JdbcValues {

    /** Maps a column's JDBC type (and database type name) to the Java-side kind. */
    public ValueKind kindOf(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (name.contains("JSON")) {
            return ValueKind.JSON;
        }
        if (name.equals("UUID")) {
            return ValueKind.UUID;
        }
        if (name.startsWith("INTERVAL")) {
            return ValueKind.INTERVAL;
        }
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> ValueKind.TEXT;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ValueKind.INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> ValueKind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ValueKind.FLOAT;
            case Types.BOOLEAN, Types.BIT -> ValueKind.BOOLEAN;
            case Types.DATE -> ValueKind.DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> ValueKind.TIME;
            case Types.TIMESTAMP -> ValueKind.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> ValueKind.TIMESTAMP_TZ;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ValueKind.BINARY;
            case Types.ARRAY -> ValueKind.ARRAY;
            case Types.STRUCT -> ValueKind.STRUCT;
            default -> ValueKind.OTHER;
        };
    }

    public List<ColumnInfo> columns(ResultSetMetaData md) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>(md.getColumnCount());
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String typeName = md.getColumnTypeName(i);
            Nullability nullability = switch (md.isNullable(i)) {
                case ResultSetMetaData.columnNoNulls -> Nullability.NOT_NULL;
                case ResultSetMetaData.columnNullable -> Nullability.NULLABLE;
                default -> Nullability.UNKNOWN;
            };
            columns.add(new ColumnInfo(md.getColumnLabel(i), typeName == null ? "" : shownTypeName(typeName),
                    kindOf(md.getColumnType(i), typeName), nullability));
        }
        return columns;
    }

    /** The column type as users read it; the driver's own name unless a database writes it otherwise. */
    protected String shownTypeName(String typeName) {
        return typeName;
    }

    /** Reads column {@code index} (1-based) of the current row; SQL NULL becomes Java null. */
    public Object read(ResultSet rs, int index, ValueKind kind) throws SQLException {
        Object value = switch (kind) {
            case TEXT, JSON, INTERVAL -> rs.getString(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> readTime(rs, index);
            case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case TIMESTAMP_TZ -> rs.getObject(index, OffsetDateTime.class);
            case BINARY -> rs.getBytes(index);
            case ARRAY -> readArray(rs.getArray(index));
            default -> rs.getObject(index);
        };
        return rs.wasNull() ? null : plain(value);
    }

    private static Object readTime(ResultSet rs, int index) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw instanceof OffsetTime || raw instanceof LocalTime || raw == null) {
            return raw;
        }
        return rs.getObject(index, LocalTime.class);
    }

    private Object readArray(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            Object[] elements = (Object[]) array.getArray();
            List<Object> list = new ArrayList<>(elements.length);
            for (Object e : elements) {
                list.add(plain(e));
            }
            return java.util.Collections.unmodifiableList(list);
        } finally {
            array.free();
        }
    }

    /** Turns driver-specific objects into values the grid and the spill file can hold. */
    protected Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof java.time.temporal.Temporal || value instanceof UUID || value instanceof byte[]
                || value instanceof List<?>) {
            return value;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof Object[] arr) {
            List<Object> list = new ArrayList<>(arr.length);
            for (Object e : arr) {
                list.add(plain(e));
            }
            return java.util.Collections.unmodifiableList(list);
        }
        if (value instanceof Serializable && value.getClass().getName().startsWith("java.")) {
            return value;
        }
        return String.valueOf(value);
    }

    /** For logging and tests: a row as text. */
    public static String describe(Object[] row) {
        return Arrays.deepToString(row);
    }
}
