package dev.sextant.schema;

import java.util.Objects;

/**
 * A schema (or BigQuery dataset) known by name before its objects are scanned; the first level of
 * a lazily loaded tree.
 *
 * @param catalog the catalog, database or project it belongs to; may be empty
 * @param comment its description, or empty
 */
public record SchemaRef(String catalog, String name, String comment) {
    public SchemaRef {
        catalog = catalog == null ? "" : catalog;
        Objects.requireNonNull(name, "name");
        comment = comment == null ? "" : comment;
    }
}
