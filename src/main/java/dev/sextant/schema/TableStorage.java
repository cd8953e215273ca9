package dev.sextant.schema;

import java.util.List;

/**
 * How a table's data is laid out and how big it is, where the database reports it (BigQuery's
 * partitioning, clustering and size). Databases that say nothing use {@link #UNKNOWN}.
 *
 * @param sizeBytes    the stored size in bytes, or -1 when unknown
 * @param partitioning how the table is partitioned, e.g. {@code DAY on created_at}, or empty
 * @param clustering   the clustering columns in order; empty when not clustered
 */
public record TableStorage(long sizeBytes, String partitioning, List<String> clustering) {

    public static final TableStorage UNKNOWN = new TableStorage(-1, "", List.of());

    public TableStorage {
        partitioning = partitioning == null ? "" : partitioning;
        clustering = clustering == null ? List.of() : List.copyOf(clustering);
    }
}
