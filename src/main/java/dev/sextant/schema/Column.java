package dev.sextant.schema;

import java.util.List;
import java.util.Objects;

/**
 * A column of a table or view; {@code children} holds the fields of a record/STRUCT column.
 *
 * @param position     one-based ordinal in its table
 * @param defaultValue the default expression, or empty
 */
public record Column(String name, int position, String dataType, boolean nullable, String defaultValue,
                     String comment, List<Column> children) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        defaultValue = defaultValue == null ? "" : defaultValue;
        comment = comment == null ? "" : comment;
        children = List.copyOf(children);
    }
}
