package dev.sextant.schema;

import java.util.List;
import java.util.Objects;

/**
 * A column of a table or view; {@code children} holds the fields of a record/STRUCT column.
 *
 * @param position     one-based ordinal in its table (or in its parent record)
 * @param defaultValue the default expression, or empty
 * @param repeated     whether the column holds a list of values (BigQuery's REPEATED mode, an ARRAY)
 */
public record Column(String name, int position, String dataType, boolean nullable, String defaultValue,
                     String comment, List<Column> children, boolean repeated) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        defaultValue = defaultValue == null ? "" : defaultValue;
        comment = comment == null ? "" : comment;
        children = List.copyOf(children);
    }

    /** A column that holds one value per row, as in every database without BigQuery's REPEATED mode. */
    public Column(String name, int position, String dataType, boolean nullable, String defaultValue,
                  String comment, List<Column> children) {
        this(name, position, dataType, nullable, defaultValue, comment, children, false);
    }
}
