package dev.sextant.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The small BigQuery project the stand-in serves: a "shop" dataset with a partitioned, clustered table of
 * orders with nested and repeated fields (450 rows, so results span pages), a table with one column of
 * every BigQuery type, a view, a materialized view, an external table, a model and routines; a hidden
 * dataset and an empty one in another location. Rows are in the REST form BigQuery sends: every scalar as
 * text, a list for a REPEATED field, an Object[] for a RECORD.
 */
public final class BigQueryFixture {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final int ORDER_ROWS = 450;
    public static final Instant FIRST_ORDER = Instant.parse("2024-03-01T08:15:30.123456Z");

    public record DatasetData(String name, String location, String description, List<TableData> tables,
                              List<ObjectNode> routines) {
    }

    /** One table-like object; {@code extra} holds the resource's other fields (view, partitioning...). */
    public record TableData(String name, String type, String description, ArrayNode fields, List<List<Object>> rows,
                            long numBytes, ObjectNode extra) {
        ObjectNode resource(String project, String dataset) {
            ObjectNode r = NODES.objectNode().put("kind", "bigquery#table").put("id", project + ":" + dataset + "." + name)
                    .put("type", type).put("location", "US");
            r.putObject("tableReference").put("projectId", project).put("datasetId", dataset).put("tableId", name);
            if (!description.isEmpty()) {
                r.put("description", description);
            }
            r.putObject("schema").set("fields", fields);
            if (type.equals("TABLE")) {
                r.put("numRows", String.valueOf(rows.size())).put("numBytes", String.valueOf(numBytes));
            }
            r.setAll(extra);
            return r;
        }
    }

    private final List<DatasetData> datasets;

    public BigQueryFixture() {
        this(0);
    }

    /** The fixture plus a dataset "wide" of {@code wideTables} tables of 10 columns each, for benchmarks. */
    public BigQueryFixture(int wideTables) {
        ObjectNode ordersExtra = NODES.objectNode();
        ordersExtra.putObject("timePartitioning").put("type", "DAY").put("field", "created");
        ordersExtra.putObject("clustering").putArray("fields").add("order_id");
        ordersExtra.putObject("tableConstraints").putObject("primaryKey").putArray("columns").add("order_id");
        TableData orders = new TableData("orders", "TABLE", "One row per order, with its items", orderFields(),
                orderRows(), 1_234_567, ordersExtra);
        TableData allTypes = new TableData("all_types", "TABLE", "", allTypeFields(), allTypeRows(), 2048, NODES.objectNode());
        ObjectNode viewExtra = NODES.objectNode();
        viewExtra.putObject("view").put("query", "SELECT DATE(created) AS day, SUM(total) AS total FROM shop.orders GROUP BY day")
                .put("useLegacySql", false);
        TableData view = new TableData("daily_totals", "VIEW", "Revenue per day",
                fields(field("day", "DATE", "NULLABLE"), field("total", "NUMERIC", "NULLABLE")), List.of(), 0, viewExtra);
        ObjectNode mvExtra = NODES.objectNode();
        mvExtra.putObject("materializedView").put("query", "SELECT order_id, total FROM shop.orders WHERE total > 100");
        TableData mv = new TableData("big_orders", "MATERIALIZED_VIEW", "",
                fields(field("order_id", "INTEGER", "NULLABLE"), field("total", "NUMERIC", "NULLABLE")), List.of(), 0, mvExtra);
        ObjectNode extExtra = NODES.objectNode();
        ObjectNode ext = extExtra.putObject("externalDataConfiguration").put("sourceFormat", "CSV");
        ext.putArray("sourceUris").add("gs://sextant-test/events/*.csv");
        TableData external = new TableData("gcs_events", "EXTERNAL", "Click events in Cloud Storage",
                fields(field("event", "STRING", "NULLABLE"), field("at", "TIMESTAMP", "NULLABLE")), List.of(), 0, extExtra);
        TableData model = new TableData("churn_model", "MODEL", "", NODES.arrayNode(), List.of(), 0, NODES.objectNode());

        List<ObjectNode> routines = List.of(
                routine("add_tax", "SCALAR_FUNCTION", "SQL", "amount * 1.19", "Adds German VAT", "amount", "NUMERIC", "NUMERIC"),
                routine("refresh_stats", "PROCEDURE", "SQL", "BEGIN SELECT 1; END", "", null, null, null),
                routine("orders_of", "TABLE_VALUED_FUNCTION", "SQL", "SELECT * FROM shop.orders WHERE customer.name = who", "",
                        "who", "STRING", null));
        List<DatasetData> all = new ArrayList<>(List.of(
                new DatasetData("shop", "US", "The web shop", List.of(orders, allTypes, view, mv, external, model), routines),
                new DatasetData("archive", "EU", "", List.of(), List.of()),
                new DatasetData("_staging", "US", "", List.of(), List.of())));
        if (wideTables > 0) {
            List<TableData> wide = new ArrayList<>();
            for (int i = 1; i <= wideTables; i++) {
                ArrayNode fields = NODES.arrayNode();
                for (int c = 1; c <= 10; c++) {
                    fields.add(field("c" + c, c % 2 == 0 ? "STRING" : "INTEGER", "NULLABLE"));
                }
                wide.add(new TableData("t" + i, "TABLE", "table " + i, fields, List.of(), 1024L * i, NODES.objectNode()));
            }
            all.add(new DatasetData("wide", "US", "", wide, List.of()));
        }
        datasets = List.copyOf(all);
    }

    public List<DatasetData> datasets() {
        return datasets;
    }

    public Optional<DatasetData> dataset(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<TableData> table(String dataset, String table) {
        return dataset(dataset).flatMap(d -> d.tables().stream().filter(t -> t.name().equals(table)).findFirst());
    }

    // ------------------------------------------------------------------ schemas

    public static ObjectNode field(String name, String type, String mode, ObjectNode... children) {
        ObjectNode f = NODES.objectNode().put("name", name).put("type", type).put("mode", mode);
        if (children.length > 0) {
            ArrayNode sub = f.putArray("fields");
            for (ObjectNode c : children) {
                sub.add(c);
            }
        }
        return f;
    }

    public static ArrayNode fields(ObjectNode... fields) {
        ArrayNode a = NODES.arrayNode();
        for (ObjectNode f : fields) {
            a.add(f);
        }
        return a;
    }

    private static ArrayNode orderFields() {
        ObjectNode total = field("total", "NUMERIC", "NULLABLE").put("precision", "12").put("scale", "2");
        return fields(
                field("order_id", "INTEGER", "REQUIRED").put("description", "Order number"),
                field("customer", "RECORD", "NULLABLE",
                        field("name", "STRING", "NULLABLE"),
                        field("address", "RECORD", "NULLABLE", field("city", "STRING", "NULLABLE"), field("zip", "STRING", "NULLABLE"))),
                field("items", "RECORD", "REPEATED",
                        field("sku", "STRING", "REQUIRED"), field("qty", "INTEGER", "NULLABLE"), field("price", "NUMERIC", "NULLABLE")),
                field("tags", "STRING", "REPEATED"),
                total,
                field("created", "TIMESTAMP", "NULLABLE"));
    }

    private static List<List<Object>> orderRows() {
        String[] cities = {"Lyon", "Porto", "Turku", "Graz"};
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= ORDER_ROWS; i++) {
            List<Object> items = new ArrayList<>();
            for (int k = 1; k <= 1 + i % 3; k++) {
                items.add(new Object[] {"SKU-" + (i * 10 + k), String.valueOf(k), new BigDecimal(i).add(new BigDecimal("0.25")).toPlainString()});
            }
            List<Object> tags = i % 5 == 0 ? List.of() : List.of("web", i % 2 == 0 ? "gift" : "express");
            Object[] customer = {"Customer " + i, new Object[] {cities[i % 4], String.format("%05d", 1000 + i)}};
            rows.add(java.util.Arrays.asList(String.valueOf(i), customer, items, tags, new BigDecimal(i * 3).add(new BigDecimal("0.75")).toPlainString(),
                    timestamp(FIRST_ORDER.plusSeconds(3600L * i))));
        }
        return rows;
    }

    private static ArrayNode allTypeFields() {
        ObjectNode range = field("t_range", "RANGE", "NULLABLE");
        range.putObject("rangeElementType").put("type", "DATE");
        return fields(field("t_string", "STRING", "NULLABLE"), field("t_bytes", "BYTES", "NULLABLE"),
                field("t_int", "INTEGER", "NULLABLE"), field("t_float", "FLOAT", "NULLABLE"),
                field("t_numeric", "NUMERIC", "NULLABLE"), field("t_bignumeric", "BIGNUMERIC", "NULLABLE"),
                field("t_bool", "BOOLEAN", "NULLABLE"), field("t_timestamp", "TIMESTAMP", "NULLABLE"),
                field("t_datetime", "DATETIME", "NULLABLE"), field("t_date", "DATE", "NULLABLE"),
                field("t_time", "TIME", "NULLABLE"), field("t_interval", "INTERVAL", "NULLABLE"),
                field("t_geography", "GEOGRAPHY", "NULLABLE"), field("t_json", "JSON", "NULLABLE"), range,
                field("t_struct", "RECORD", "NULLABLE", field("a", "INTEGER", "NULLABLE"), field("b", "STRING", "NULLABLE")),
                field("t_array", "INTEGER", "REPEATED"));
    }

    /** Row 1 holds a value of every type; row 2 holds NULLs, the text 'NULL' and an empty array. */
    private static List<List<Object>> allTypeRows() {
        List<Object> full = java.util.Arrays.asList("héllo\nworld", Base64.getEncoder().encodeToString(new byte[] {0, 1, (byte) 0xfe, (byte) 0xff}),
                "-9223372036854775808", "1.0E-300", "-99999999999999999999999999999.999999999",
                "578960446186580977117854925043439539266.34992332820282019728792003956564819967",
                "true", timestamp(Instant.parse("2024-02-29T23:59:59.999999Z")), "2024-02-29T12:34:56.789012", "0001-01-01",
                "23:59:59.999999", "1-2 3 4:5:6.789", "POINT(13.4 52.52)", "{\"a\":[1,2],\"b\":null}", "[2024-01-01, 2024-02-01)",
                new Object[] {"7", "seven"}, List.of("1", "2", "3"));
        List<Object> nulls = new ArrayList<>();
        for (int i = 0; i < full.size(); i++) {
            nulls.add(null);
        }
        nulls.set(0, "NULL");
        nulls.set(16, List.of());
        return List.of(full, nulls);
    }

    private static ObjectNode routine(String name, String type, String language, String body, String description,
                                      String argName, String argType, String returnType) {
        ObjectNode r = NODES.objectNode().put("routineType", type).put("language", language).put("definitionBody", body);
        r.putObject("routineReference").put("routineId", name);
        if (!description.isEmpty()) {
            r.put("description", description);
        }
        if (argName != null) {
            r.putArray("arguments").addObject().put("name", argName).putObject("dataType").put("typeKind", argType);
        }
        if (returnType != null) {
            r.putObject("returnType").put("typeKind", returnType);
        }
        return r;
    }

    // ------------------------------------------------------------------ values

    /** A TIMESTAMP as BigQuery's REST API sends it: seconds since the epoch in floating-point notation. */
    public static String timestamp(Instant t) {
        BigDecimal seconds = BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano() / 1000, 6)).stripTrailingZeros();
        int digits = seconds.precision() - seconds.scale();
        if (digits <= 1) {
            return seconds.toPlainString();
        }
        return seconds.movePointLeft(digits - 1).toPlainString() + "E" + (digits - 1);
    }

    /** One row as {@code {"f": [{"v": ...}]}}. */
    public static ObjectNode restRow(List<Object> values) {
        ObjectNode row = NODES.objectNode();
        ArrayNode f = row.putArray("f");
        for (Object v : values) {
            f.add(cell(v));
        }
        return row;
    }

    private static ObjectNode cell(Object v) {
        ObjectNode cell = NODES.objectNode();
        if (v == null) {
            cell.putNull("v");
        } else if (v instanceof List<?> list) {
            ArrayNode a = cell.putArray("v");
            list.forEach(e -> a.add(cell(e)));
        } else if (v instanceof Object[] record) {
            cell.set("v", restRow(java.util.Arrays.asList(record)));
        } else {
            cell.put("v", v.toString());
        }
        return cell;
    }
}
