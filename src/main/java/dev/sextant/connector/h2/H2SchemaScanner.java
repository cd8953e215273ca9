package dev.sextant.connector.h2;

import dev.sextant.connector.jdbc.CatalogQuery;
import dev.sextant.schema.Column;
import dev.sextant.schema.ForeignKey;
import dev.sextant.schema.Index;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.PrimaryKey;
import dev.sextant.schema.Routine;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Sequence;
import dev.sextant.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one schema from H2's INFORMATION_SCHEMA with one query per object kind (tables, columns, keys,
 * indexes, routines, sequences), never one query per table.
 */
final class H2SchemaScanner {

    private static final String SYSTEM_SCHEMA = "INFORMATION_SCHEMA";

    private final Connection connection;

    H2SchemaScanner(Connection connection) {
        this.connection = connection;
    }

    private void forEachRow(String sql, String schema, CatalogQuery.RowReader reader) throws SQLException {
        CatalogQuery.forEachRow(connection, sql, schema, reader);
    }

    List<SchemaRef> listSchemas(boolean includeSystem) throws SQLException {
        List<SchemaRef> user = new ArrayList<>();
        List<SchemaRef> system = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT CATALOG_NAME, SCHEMA_NAME, REMARKS FROM INFORMATION_SCHEMA.SCHEMATA ORDER BY SCHEMA_NAME");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                SchemaRef ref = new SchemaRef(rs.getString(1), rs.getString(2), rs.getString(3));
                (SYSTEM_SCHEMA.equals(ref.name()) ? system : user).add(ref);
            }
        }
        if (includeSystem) {
            user.addAll(system);
        }
        return user;
    }

    Schema scan(SchemaRef ref) throws SQLException {
        String schema = ref.name();
        Map<String, List<Column>> columns = columns(schema);
        Map<String, PrimaryKey> primaryKeys = primaryKeys(schema);
        Map<String, List<ForeignKey>> foreignKeys = foreignKeys(schema);
        Map<String, List<Index>> indexes = indexes(schema);
        Map<String, String> views = viewDefinitions(schema);

        List<Table> tables = new ArrayList<>();
        forEachRow(
                "SELECT TABLE_NAME, TABLE_TYPE, REMARKS, ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME", schema, rs -> {
            String name = rs.getString(1);
            String type = rs.getString(2);
            ObjectKind kind = switch (type == null ? "" : type) {
                case "VIEW" -> ObjectKind.VIEW;
                case "BASE TABLE" -> SYSTEM_SCHEMA.equals(schema) ? ObjectKind.SYSTEM_TABLE : ObjectKind.TABLE;
                default -> ObjectKind.SYSTEM_TABLE;
            };
            long estimate = rs.getLong(4);
            tables.add(new Table(schema, name, kind, rs.getString(3), views.getOrDefault(name, ""),
                    columns.getOrDefault(name, List.of()), primaryKeys.get(name),
                    foreignKeys.getOrDefault(name, List.of()), indexes.getOrDefault(name, List.of()),
                    rs.wasNull() ? -1 : estimate));
        });
        return new Schema(ref, tables, routines(schema), sequences(schema));
    }

    private Map<String, List<Column>> columns(String schema) throws SQLException {
        Map<String, List<Column>> byTable = new LinkedHashMap<>();
        forEachRow(
                "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, "
                        + "NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, REMARKS, DATETIME_PRECISION "
                        + "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION", schema, rs -> {
            String type = typeName(rs.getString(4), (Long) rs.getObject(5), (Integer) rs.getObject(6),
                    (Integer) rs.getObject(7));
            byTable.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Column(
                    rs.getString(2), rs.getInt(3), type, "YES".equals(rs.getString(8)), rs.getString(9),
                    rs.getString(10), List.of()));
        });
        return byTable;
    }

    /** {@code CHARACTER VARYING(200)}, {@code NUMERIC(12, 2)}; plain names where a size says nothing. */
    static String typeName(String dataType, Long length, Integer precision, Integer scale) {
        if (dataType == null) {
            return "";
        }
        if (length != null && length < Integer.MAX_VALUE
                && (dataType.contains("CHAR") || dataType.contains("BINARY"))
                && !dataType.contains("LARGE OBJECT")) {
            return dataType + "(" + length + ")";
        }
        if (precision != null && (dataType.equals("NUMERIC") || dataType.equals("DECIMAL"))) {
            return dataType + "(" + precision + (scale != null && scale > 0 ? ", " + scale : "") + ")";
        }
        return dataType;
    }

    private Map<String, PrimaryKey> primaryKeys(String schema) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> cols = new LinkedHashMap<>();
        forEachRow(
                "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
                        + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
                        + "AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                        + "WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE = 'PRIMARY KEY' "
                        + "ORDER BY tc.TABLE_NAME, k.ORDINAL_POSITION", schema, rs -> {
            names.put(rs.getString(1), rs.getString(2));
            cols.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
        });
        Map<String, PrimaryKey> keys = new LinkedHashMap<>();
        names.forEach((table, name) -> keys.put(table, new PrimaryKey(name, cols.get(table))));
        return keys;
    }

    private Map<String, List<ForeignKey>> foreignKeys(String schema) throws SQLException {
        record Part(String table, String name, String column, String refSchema, String refTable, String refColumn,
                    String comment) { }
        Map<String, List<Part>> byConstraint = new LinkedHashMap<>();
        forEachRow(
                "SELECT fk.TABLE_NAME, rc.CONSTRAINT_NAME, fk.COLUMN_NAME, pk.TABLE_SCHEMA, pk.TABLE_NAME, pk.COLUMN_NAME, "
                        + "tc.REMARKS FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc "
                        + "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA "
                        + "AND tc.CONSTRAINT_NAME = rc.CONSTRAINT_NAME "
                        + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE fk ON fk.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA "
                        + "AND fk.CONSTRAINT_NAME = rc.CONSTRAINT_NAME "
                        + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE pk ON pk.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA "
                        + "AND pk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME "
                        + "AND pk.ORDINAL_POSITION = fk.POSITION_IN_UNIQUE_CONSTRAINT "
                        + "WHERE rc.CONSTRAINT_SCHEMA = ? ORDER BY fk.TABLE_NAME, rc.CONSTRAINT_NAME, fk.ORDINAL_POSITION", schema, rs -> {
            byConstraint.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new Part(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7)));
        });
        Map<String, List<ForeignKey>> byTable = new LinkedHashMap<>();
        byConstraint.forEach((name, parts) -> {
            Part first = parts.get(0);
            byTable.computeIfAbsent(first.table(), k -> new ArrayList<>()).add(new ForeignKey(name,
                    parts.stream().map(Part::column).toList(), first.refSchema(), first.refTable(),
                    parts.stream().map(Part::refColumn).toList(), first.comment()));
        });
        return byTable;
    }

    private Map<String, List<Index>> indexes(String schema) throws SQLException {
        Map<String, Map<String, List<String>>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        Map<String, String> comments = new LinkedHashMap<>();
        forEachRow(
                "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME, i.REMARKS FROM INFORMATION_SCHEMA.INDEXES i "
                        + "JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA "
                        + "AND c.INDEX_NAME = i.INDEX_NAME "
                        + "WHERE i.TABLE_SCHEMA = ? ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION", schema, rs -> {
            columns.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                    .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(4));
            String type = rs.getString(3);
            unique.put(rs.getString(2), type != null && (type.contains("UNIQUE") || type.contains("PRIMARY")));
            comments.put(rs.getString(2), rs.getString(5));
        });
        Map<String, List<Index>> byTable = new LinkedHashMap<>();
        columns.forEach((table, byIndex) -> byIndex.forEach((name, cols) ->
                byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(new Index(name, cols, unique.get(name), comments.get(name)))));
        return byTable;
    }

    private Map<String, String> viewDefinitions(String schema) throws SQLException {
        Map<String, String> views = new LinkedHashMap<>();
        forEachRow(
                "SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ?", schema, rs -> {
            views.put(rs.getString(1), rs.getString(2));
        });
        return views;
    }

    private List<Routine> routines(String schema) throws SQLException {
        List<Routine> routines = new ArrayList<>();
        forEachRow(
                "SELECT ROUTINE_NAME, ROUTINE_TYPE, DATA_TYPE, REMARKS, ROUTINE_DEFINITION, EXTERNAL_NAME "
                        + "FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = ? ORDER BY ROUTINE_NAME", schema, rs -> {
            String definition = rs.getString(5) != null ? rs.getString(5) : rs.getString(6);
            routines.add(new Routine(rs.getString(1), "PROCEDURE".equals(rs.getString(2)), "",
                    rs.getString(3), rs.getString(4), definition));
        });
        routines.sort(Comparator.comparing(Routine::name));
        return routines;
    }

    private List<Sequence> sequences(String schema) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        forEachRow(
                "SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, \"INCREMENT\", REMARKS FROM INFORMATION_SCHEMA.SEQUENCES "
                        + "WHERE SEQUENCE_SCHEMA = ? ORDER BY SEQUENCE_NAME", schema, rs -> {
            sequences.add(new Sequence(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                    rs.getString(5)));
        });
        return sequences;
    }
}
