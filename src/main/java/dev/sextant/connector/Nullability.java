package dev.sextant.connector;

/** Whether a result column may hold NULL, where the driver knows. */
public enum Nullability {
    NULLABLE, NOT_NULL, UNKNOWN
}
