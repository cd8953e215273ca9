package dev.sextant.connector;

import java.util.Objects;

/**
 * Metadata of one result column.
 *
 * @param name         the label the database gave the column
 * @param databaseType the database's own type name, e.g. {@code NUMERIC(12, 2)}
 * @param kind         how Sextant treats the values on the Java side
 * @param nullability  whether NULL may appear, if known
 */
public record ColumnInfo(String name, String databaseType, ValueKind kind, Nullability nullability) {
    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(databaseType, "databaseType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nullability, "nullability");
    }
}
