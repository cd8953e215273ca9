package dev.sextant.connector.bigquery;

import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Binds Java values as BigQuery query parameters, typed from their Java class. Positional parameters
 * fill {@code ?} markers in order. Named parameters ({@code @name}) are given as {@code Map.Entry}
 * elements ({@code Map.entry("country", "DE")}) or as one {@code Map} holding them all.
 */
final class BigQueryParameters {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final int NUMERIC_PRECISION = 38;
    private static final int NUMERIC_SCALE = 9;

    private BigQueryParameters() {
    }

    static void bind(QueryJobConfiguration.Builder config, List<?> params) {
        if (params == null || params.isEmpty()) {
            return;
        }
        Map<String, Object> named = named(params);
        if (named != null) {
            Map<String, QueryParameterValue> values = new LinkedHashMap<>();
            named.forEach((name, value) -> values.put(name, value(value, "@" + name)));
            config.setNamedParameters(values);
            return;
        }
        List<QueryParameterValue> values = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            values.add(value(params.get(i), "parameter " + (i + 1)));
        }
        config.setPositionalParameters(values);
    }

    /** The named parameters, or null when the list is positional. */
    private static Map<String, Object> named(List<?> params) {
        if (params.size() == 1 && params.get(0) instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(name(k), v));
            return out;
        }
        if (params.stream().allMatch(p -> p instanceof Map.Entry<?, ?>)) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object p : params) {
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) p;
                out.put(name(e.getKey()), e.getValue());
            }
            return out;
        }
        return null;
    }

    private static String name(Object key) {
        String name = String.valueOf(key);
        return name.startsWith("@") ? name.substring(1) : name;
    }

    /** One value with the BigQuery type that keeps its meaning; {@code what} names it in errors. */
    static QueryParameterValue value(Object v, String what) {
        if (v == null) {
            return QueryParameterValue.string(null);
        } else if (v instanceof String s) {
            return QueryParameterValue.string(s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return QueryParameterValue.int64(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            return QueryParameterValue.float64(((Number) v).doubleValue());
        } else if (v instanceof BigInteger i) {
            return decimal(new BigDecimal(i));
        } else if (v instanceof BigDecimal d) {
            return decimal(d);
        } else if (v instanceof Boolean b) {
            return QueryParameterValue.bool(b);
        } else if (v instanceof byte[] bytes) {
            return QueryParameterValue.bytes(bytes);
        } else if (v instanceof LocalDate d) {
            return QueryParameterValue.date(d.toString());
        } else if (v instanceof LocalTime t) {
            return QueryParameterValue.time(TIME.format(t));
        } else if (v instanceof LocalDateTime t) {
            return QueryParameterValue.dateTime(DATE_TIME.format(t));
        } else if (v instanceof Instant t) {
            return timestamp(t);
        } else if (v instanceof OffsetDateTime t) {
            return timestamp(t.toInstant());
        } else if (v instanceof ZonedDateTime t) {
            return timestamp(t.toInstant());
        } else if (v instanceof UUID || v instanceof Enum<?> || v instanceof Character) {
            return QueryParameterValue.string(v.toString());
        } else if (v instanceof Map<?, ?> map) {
            Map<String, QueryParameterValue> fields = new LinkedHashMap<>();
            map.forEach((k, fv) -> fields.put(String.valueOf(k), value(fv, what + "." + k)));
            return QueryParameterValue.struct(fields);
        } else if (v instanceof Collection<?> list) {
            return array(list, what);
        } else if (v instanceof Object[] array) {
            return array(List.of(array), what);
        }
        throw new ConnectorException(ErrorKind.SYNTAX, "BigQuery has no type for " + what + " (a Java "
                + v.getClass().getSimpleName() + "). Pass text, a number, a boolean, bytes, a java.time value, a list or a map.");
    }

    /** Microseconds since the epoch, BigQuery's own precision; the client writes them in UTC. */
    private static QueryParameterValue timestamp(Instant t) {
        return QueryParameterValue.timestamp(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000));
    }

    /** NUMERIC when the value fits (38 digits, 9 after the point), BIGNUMERIC otherwise, so no digit is lost. */
    private static QueryParameterValue decimal(BigDecimal d) {
        BigDecimal plain = d.stripTrailingZeros();
        int scale = Math.max(0, plain.scale());
        int integerDigits = plain.precision() - plain.scale();
        boolean fits = scale <= NUMERIC_SCALE && integerDigits <= NUMERIC_PRECISION - NUMERIC_SCALE;
        return fits ? QueryParameterValue.numeric(d) : QueryParameterValue.bigNumeric(d);
    }

    private static QueryParameterValue array(Collection<?> list, String what) {
        List<QueryParameterValue> elements = new ArrayList<>();
        int i = 0;
        for (Object element : list) {
            if (element == null) {
                throw new ConnectorException(ErrorKind.SYNTAX, "BigQuery arrays cannot hold NULL (" + what + ", element " + (i + 1) + ").");
            }
            elements.add(value(element, what + "[" + i++ + "]"));
        }
        StandardSQLTypeName type = elements.isEmpty() ? StandardSQLTypeName.STRING : elements.get(0).getType();
        for (QueryParameterValue e : elements) {
            if (e.getType() != type) {
                throw new ConnectorException(ErrorKind.SYNTAX, "The elements of " + what + " must all have one type, but it mixes "
                        + type + " and " + e.getType() + ".");
            }
        }
        return QueryParameterValue.newBuilder().setType(StandardSQLTypeName.ARRAY).setArrayType(type)
                .setArrayValues(elements).build();
    }
}
