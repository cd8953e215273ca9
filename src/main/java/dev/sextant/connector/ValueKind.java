package dev.sextant.connector;

/** The Java-side kind of a result column, used to render and align values without guessing from type names. */
public enum ValueKind {
    TEXT, INTEGER, DECIMAL, FLOAT, BOOLEAN, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, INTERVAL,
    BINARY, JSON, UUID, ARRAY, STRUCT, OTHER;

    /** Numbers are right-aligned in the grid. */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == FLOAT;
    }
}
