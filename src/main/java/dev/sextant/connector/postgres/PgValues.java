package dev.sextant.connector.postgres;

import dev.sextant.connector.ValueKind;
import dev.sextant.connector.jdbc.JdbcValues;
import java.util.Locale;

/**
 * PostgreSQL's types as Java values. pgjdbc reports {@code timestamptz} as a plain TIMESTAMP and
 * {@code timetz} as TIME, so the type name decides; json, jsonb, uuid, interval, ranges, geometric and
 * network types keep their text form, exact as the server prints it.
 */
final class PgValues extends JdbcValues {

    @Override
    public ValueKind kindOf(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "timestamptz" -> ValueKind.TIMESTAMP_TZ;
            case "time" -> ValueKind.TIME;
            case "json", "jsonb" -> ValueKind.JSON;
            case "uuid" -> ValueKind.UUID;
            case "interval" -> ValueKind.INTERVAL;
            case "bytea" -> ValueKind.BINARY;
            case "timetz", "money", "inet", "cidr", "macaddr", "macaddr8", "point", "line", "lseg", "box", "path", "polygon",
                    "circle", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "xml",
                    "tsvector", "tsquery", "bit", "varbit" -> ValueKind.TEXT;
            default -> name.startsWith("_") ? ValueKind.ARRAY : super.kindOf(jdbcType, typeName);
        };
    }

    /** An array type by the name it is declared with, {@code text[]}, not its catalogue name {@code _text}. */
    @Override
    protected String shownTypeName(String typeName) {
        return typeName.length() > 1 && typeName.startsWith("_") ? typeName.substring(1) + "[]" : typeName;
    }
}
