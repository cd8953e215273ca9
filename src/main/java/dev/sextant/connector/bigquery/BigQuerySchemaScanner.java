package dev.sextant.connector.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Clustering;
import com.google.cloud.bigquery.ColumnReference;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.ExternalTableDefinition;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.MaterializedViewDefinition;
import com.google.cloud.bigquery.RangePartitioning;
import com.google.cloud.bigquery.RoutineArgument;
import com.google.cloud.bigquery.StandardSQLDataType;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableConstraints;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TimePartitioning;
import com.google.cloud.bigquery.ViewDefinition;
import dev.sextant.schema.Column;
import dev.sextant.schema.ForeignKey;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.PrimaryKey;
import dev.sextant.schema.Routine;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Table;
import dev.sextant.schema.TableStorage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads datasets and, one dataset at a time, their tables, views, materialized views, external tables
 * and routines. tables.list gives names and kinds only, so each table's fields, description, size and
 * view SQL come from its own tables.get; those calls run a few at a time, because a dataset may hold
 * hundreds of tables and each call is a round trip.
 */
final class BigQuerySchemaScanner {

    /** Concurrent tables.get calls per scan: well within BigQuery's per-user API rate. */
    static final int PARALLEL_GETS = 8;

    private final BigQuery bq;
    private final String project;
    private final int parallelGets;

    BigQuerySchemaScanner(BigQuery bq, String project) {
        this(bq, project, PARALLEL_GETS);
    }

    /** @param parallelGets how many tables.get calls may run at once (1 reads table after table) */
    BigQuerySchemaScanner(BigQuery bq, String project, int parallelGets) {
        this.bq = bq;
        this.project = project;
        this.parallelGets = Math.max(1, parallelGets);
    }

    /** The project's datasets; hidden ones (names starting with '_') only with {@code includeHidden}. */
    List<SchemaRef> listDatasets(boolean includeHidden) {
        List<SchemaRef> refs = new ArrayList<>();
        Iterable<Dataset> datasets = includeHidden ? bq.listDatasets(project, BigQuery.DatasetListOption.all()).iterateAll()
                : bq.listDatasets(project).iterateAll();
        for (Dataset d : datasets) {
            String comment = d.getDescription() != null ? d.getDescription() : d.getFriendlyName();
            refs.add(new SchemaRef(project, d.getDatasetId().getDataset(), comment));
        }
        refs.sort(Comparator.comparing(SchemaRef::name));
        return refs;
    }

    Schema scan(SchemaRef ref) {
        DatasetId dataset = DatasetId.of(ref.catalog().isEmpty() ? project : ref.catalog(), ref.name());
        List<com.google.cloud.bigquery.Table> listed = new ArrayList<>();
        bq.listTables(dataset).iterateAll().forEach(listed::add);
        List<Table> tables = details(listed, ref.name());
        tables.sort(Comparator.comparing(Table::name));
        List<Routine> routines = new ArrayList<>();
        for (com.google.cloud.bigquery.Routine r : bq.listRoutines(dataset).iterateAll()) {
            routines.add(routine(r));
        }
        routines.sort(Comparator.comparing(Routine::name));
        return new Schema(ref, tables, routines, List.of());
    }

    private List<Table> details(List<com.google.cloud.bigquery.Table> listed, String datasetName) {
        if (listed.isEmpty()) {
            return new ArrayList<>();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelGets, listed.size()), r -> {
            Thread t = new Thread(r, "bigquery-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Table>> futures = new ArrayList<>();
            for (com.google.cloud.bigquery.Table t : listed) {
                futures.add(pool.submit(() -> table(t, datasetName)));
            }
            List<Table> tables = new ArrayList<>();
            for (Future<Table> f : futures) {
                Table t = f.get();
                if (t != null) {
                    tables.add(t);
                }
            }
            return tables;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The scan was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One table in full; null for objects one cannot select from (models) or that vanished since the list. */
    private Table table(com.google.cloud.bigquery.Table listed, String datasetName) {
        TableDefinition.Type type = listed.getDefinition() == null ? null : listed.getDefinition().getType();
        if (TableDefinition.Type.MODEL.equals(type)) {
            return null;
        }
        com.google.cloud.bigquery.Table t;
        try {
            t = bq.getTable(listed.getTableId());
        } catch (BigQueryException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
        if (t == null) {
            return null;
        }
        TableDefinition def = t.getDefinition();
        ObjectKind kind = kind(def.getType());
        String definition = "";
        if (def instanceof ViewDefinition v) {
            definition = v.getQuery();
        } else if (def instanceof MaterializedViewDefinition mv) {
            definition = mv.getQuery();
        } else if (def instanceof ExternalTableDefinition ext) {
            definition = "-- external data" + (ext.getFormatOptions() == null ? "" : " (" + ext.getFormatOptions().getType() + ")")
                    + (ext.getSourceUris() == null ? "" : "\n" + String.join("\n", ext.getSourceUris()));
        }
        List<Column> columns = def.getSchema() == null ? List.of() : columns(def.getSchema().getFields());
        PrimaryKey pk = null;
        List<ForeignKey> fks = new ArrayList<>();
        TableConstraints constraints = t.getTableConstraints();
        if (constraints != null) {
            if (constraints.getPrimaryKey() != null) {
                pk = new PrimaryKey("", constraints.getPrimaryKey().getColumns());
            }
            if (constraints.getForeignKeys() != null) {
                for (com.google.cloud.bigquery.ForeignKey fk : constraints.getForeignKeys()) {
                    List<ColumnReference> refs = fk.getColumnReferences();
                    fks.add(new ForeignKey(fk.getName(), refs.stream().map(ColumnReference::getReferencingColumn).toList(),
                            fk.getReferencedTable().getDataset(), fk.getReferencedTable().getTable(),
                            refs.stream().map(ColumnReference::getReferencedColumn).toList(), "not enforced"));
                }
            }
        }
        long rows = t.getNumRows() == null ? -1 : t.getNumRows().longValue();
        long size = t.getNumBytes() == null ? -1 : t.getNumBytes();
        String comment = t.getDescription() != null ? t.getDescription() : t.getFriendlyName();
        return new Table(datasetName, t.getTableId().getTable(), kind, comment, definition, columns, pk, fks, List.of(),
                rows, List.of(), List.of(), new TableStorage(size, partitioning(def), clustering(def)));
    }

    private static ObjectKind kind(TableDefinition.Type type) {
        if (TableDefinition.Type.VIEW.equals(type)) {
            return ObjectKind.VIEW;
        } else if (TableDefinition.Type.MATERIALIZED_VIEW.equals(type)) {
            return ObjectKind.MATERIALIZED_VIEW;
        } else if (TableDefinition.Type.EXTERNAL.equals(type)) {
            return ObjectKind.EXTERNAL_TABLE;
        }
        return ObjectKind.TABLE; // tables, snapshots and clones
    }

    /** Fields as columns; a RECORD's fields become its children, REPEATED is marked. */
    static List<Column> columns(FieldList fields) {
        List<Column> columns = new ArrayList<>();
        int position = 1;
        for (Field f : fields) {
            List<Column> children = f.getSubFields() == null ? List.of() : columns(f.getSubFields());
            columns.add(new Column(f.getName(), position++, BigQueryValues.baseType(f), f.getMode() != Field.Mode.REQUIRED,
                    f.getDefaultValueExpression(), f.getDescription(), children, f.getMode() == Field.Mode.REPEATED));
        }
        return columns;
    }

    /** e.g. "DAY on created_at", "HOUR by ingestion time", "RANGE on customer_id from 0 to 100 by 10". */
    static String partitioning(TableDefinition def) {
        if (!(def instanceof StandardTableDefinition std)) {
            return "";
        }
        TimePartitioning time = std.getTimePartitioning();
        if (time != null) {
            return time.getType() + (time.getField() == null ? " by ingestion time" : " on " + time.getField());
        }
        RangePartitioning range = std.getRangePartitioning();
        if (range != null && range.getRange() != null) {
            return "RANGE on " + range.getField() + " from " + range.getRange().getStart() + " to " + range.getRange().getEnd()
                    + " by " + range.getRange().getInterval();
        }
        return "";
    }

    static List<String> clustering(TableDefinition def) {
        Clustering c = null;
        if (def instanceof StandardTableDefinition std) {
            c = std.getClustering();
        } else if (def instanceof MaterializedViewDefinition mv) {
            c = mv.getClustering();
        }
        return c == null || c.getFields() == null ? List.of() : c.getFields();
    }

    private static Routine routine(com.google.cloud.bigquery.Routine r) {
        String type = r.getRoutineType() == null ? "" : r.getRoutineType();
        StringJoiner args = new StringJoiner(", ", "(", ")");
        if (r.getArguments() != null) {
            for (RoutineArgument a : r.getArguments()) {
                args.add((a.getMode() == null || a.getMode().equals("IN") ? "" : a.getMode() + " ")
                        + (a.getName() == null ? "" : a.getName() + " ") + sqlType(a.getDataType()));
            }
        }
        String returns = switch (type) {
            case "PROCEDURE" -> "";
            case "TABLE_VALUED_FUNCTION" -> "TABLE";
            default -> r.getReturnType() == null ? "" : sqlType(r.getReturnType());
        };
        String comment = r.getDescription() == null ? "" : r.getDescription();
        String language = r.getLanguage() == null ? "" : r.getLanguage();
        String note = type.replace('_', ' ').toLowerCase(java.util.Locale.ROOT) + (language.isEmpty() ? "" : ", " + language);
        return new Routine(r.getRoutineId().getRoutine(), type.equals("PROCEDURE"), args.toString(), returns,
                comment.isEmpty() ? note : comment + " (" + note + ")", r.getBody());
    }

    private static String sqlType(StandardSQLDataType t) {
        if (t == null) {
            return "ANY TYPE";
        }
        if ("ARRAY".equals(t.getTypeKind()) && t.getArrayElementType() != null) {
            return "ARRAY<" + sqlType(t.getArrayElementType()) + ">";
        }
        if ("STRUCT".equals(t.getTypeKind()) && t.getStructType() != null && t.getStructType().getFields() != null) {
            StringJoiner fields = new StringJoiner(", ", "STRUCT<", ">");
            t.getStructType().getFields().forEach(f -> fields.add(f.getName() + " " + sqlType(f.getDataType())));
            return fields.toString();
        }
        return t.getTypeKind();
    }
}
