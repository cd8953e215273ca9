package dev.sextant.connector.postgres;

import dev.sextant.connector.jdbc.CatalogQuery;
import dev.sextant.schema.Column;
import dev.sextant.schema.Constraint;
import dev.sextant.schema.ForeignKey;
import dev.sextant.schema.Index;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.PrimaryKey;
import dev.sextant.schema.Routine;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Sequence;
import dev.sextant.schema.Table;
import dev.sextant.schema.Trigger;
import dev.sextant.schema.TypeDef;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads PostgreSQL schemas straight from pg_catalog with a fixed set of bulk queries (relations,
 * columns, constraints, indexes, triggers, routines, sequences, types), whatever the number of schemas
 * and tables: one schema when the tree opens it, all of them for a full scan.
 * pg_catalog rather than information_schema or DatabaseMetaData: those are slow on big catalogs, hide
 * objects the user does not own, and lack partitions, materialized views, definitions and identity.
 * <p>
 * Names inside definitions and defaults are qualified the way the server prints them for the
 * connection's {@code search_path}.
 */
final class PgSchemaScanner {

    /**
     * The schemas to scan: the one parameter is an array of schema names. Every query joins it and
     * returns the schema's name first, so one query serves any number of schemas.
     */
    private static final String SCANNED = "JOIN pg_catalog.pg_namespace n ON n.oid = %s AND n.nspname = ANY (?)";

    /** The relation kinds shown as tables: ordinary, partitioned, view, materialized view, foreign. */
    private static final String RELATION_KINDS = "('r', 'p', 'v', 'm', 'f')";

    /** Comments are joined rather than read with obj_description per row, which costs a function call each. */
    private static String comment(String alias, String catalog, String oid, String subId) {
        return "LEFT JOIN pg_catalog.pg_description %s ON %s.objoid = %s AND %s.classoid = 'pg_catalog.%s'::pg_catalog.regclass AND %s.objsubid = %s"
                .formatted(alias, alias, oid, alias, catalog, alias, subId);
    }

    private static final String LIST_SCHEMAS = """
            SELECT current_database(), n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace'),
                   n.nspname IN ('pg_catalog', 'information_schema', 'pg_toast')
                   OR n.nspname LIKE 'pg\\_temp\\_%' OR n.nspname LIKE 'pg\\_toast\\_temp\\_%'
            FROM pg_catalog.pg_namespace n
            ORDER BY n.nspname""";

    private static final String RELATIONS = """
            SELECT n.nspname, c.oid, c.relname, c.relkind, c.relispartition, cd.description, c.reltuples,
                   CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid, true)
                        WHEN c.relispartition THEN
                            'PARTITION OF ' || pg_catalog.quote_ident(pn.nspname) || '.'
                            || pg_catalog.quote_ident(p.relname) || ' '
                            || pg_catalog.pg_get_expr(c.relpartbound, c.oid)
                            || COALESCE(' PARTITION BY ' || pg_catalog.pg_get_partkeydef(c.oid), '')
                        WHEN c.relkind = 'p' THEN 'PARTITION BY ' || pg_catalog.pg_get_partkeydef(c.oid)
                        WHEN c.relkind = 'f' THEN
                            'SERVER ' || pg_catalog.quote_ident(fs.srvname)
                            || COALESCE(' OPTIONS (' || (SELECT string_agg(pg_catalog.quote_ident(o.option_name)
                                   || ' ' || pg_catalog.quote_literal(o.option_value), ', ')
                                FROM pg_catalog.pg_options_to_table(ft.ftoptions) o) || ')', '')
                   END
            FROM pg_catalog.pg_class c
            %s
            %s
            LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
            LEFT JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
            LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
            LEFT JOIN pg_catalog.pg_foreign_table ft ON ft.ftrelid = c.oid
            LEFT JOIN pg_catalog.pg_foreign_server fs ON fs.oid = ft.ftserver
            WHERE c.relkind IN %s""".formatted(SCANNED.formatted("c.relnamespace"),
            comment("cd", "pg_class", "c.oid", "0"), RELATION_KINDS);

    /** Not ordered: sorting 50,000 rows on the server spills to disk, so each table's few are sorted here. */
    private static final String COLUMNS = """
            SELECT a.attrelid, a.attname, a.attnum, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   CASE WHEN a.atthasdef THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) END,
                   a.attidentity, a.attgenerated, cd.description
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            %s
            LEFT JOIN pg_catalog.pg_attrdef d ON a.atthasdef AND d.adrelid = a.attrelid AND d.adnum = a.attnum
            %s
            WHERE c.relkind IN %s AND a.attnum > 0 AND NOT a.attisdropped""".formatted(SCANNED.formatted("c.relnamespace"),
            comment("cd", "pg_class", "a.attrelid", "a.attnum"), RELATION_KINDS);

    /**
     * Keys and constraints. Their own columns are named from the scanned columns by number; a foreign
     * key's referenced columns are named here, as the referenced table may lie in a schema not scanned.
     * A foreign key that references a partitioned table has one extra catalog row per referenced
     * partition, on the same table, under generated names ({@code ..._fkey1}); those children of a key
     * of the same table are left out so each key appears once. Keys a partition inherits from its parent
     * stay: they are the partition's own.
     */
    private static final String CONSTRAINTS = """
            SELECT k.conrelid, k.conname, k.contype, k.conkey, rn.nspname, r.relname,
                   CASE WHEN k.contype = 'f' THEN
                       ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(num, ord)
                             JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num
                             ORDER BY u.ord) END,
                   CASE WHEN k.contype NOT IN ('p', 'f') THEN pg_catalog.pg_get_constraintdef(k.oid, true) END,
                   kd.description
            FROM pg_catalog.pg_constraint k
            JOIN pg_catalog.pg_class t ON t.oid = k.conrelid
            %s
            LEFT JOIN pg_catalog.pg_class r ON r.oid = k.confrelid
            LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
            %s
            WHERE k.contype IN ('p', 'f', 'u', 'c', 'x')
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint parent
                              WHERE parent.oid = k.conparentid AND parent.conrelid = k.conrelid)
            ORDER BY k.conname""".formatted(SCANNED.formatted("t.relnamespace"),
            comment("kd", "pg_constraint", "k.oid", "0"));

    /**
     * Indexes. Key columns (not INCLUDE ones) are named from the scanned columns by number; only an
     * index with expressions asks the server to print each key, since pg_get_indexdef costs a call per key.
     */
    private static final String INDEXES = """
            SELECT x.indrelid, ic.relname, x.indisunique, x.indnkeyatts, x.indkey::pg_catalog.int2[],
                   CASE WHEN x.indexprs IS NOT NULL THEN
                       ARRAY(SELECT pg_catalog.pg_get_indexdef(x.indexrelid, g.n, true)
                             FROM pg_catalog.generate_series(1, x.indnkeyatts) g(n) ORDER BY g.n) END,
                   xd.description, pg_catalog.pg_get_indexdef(x.indexrelid)
            FROM pg_catalog.pg_index x
            JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
            %s
            JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
            %s
            ORDER BY ic.relname""".formatted(SCANNED.formatted("t.relnamespace"),
            comment("xd", "pg_class", "x.indexrelid", "0"));

    private static final String TRIGGERS = """
            SELECT g.tgrelid, g.tgname, g.tgtype, pg_catalog.pg_get_triggerdef(g.oid, true), gd.description
            FROM pg_catalog.pg_trigger g
            JOIN pg_catalog.pg_class t ON t.oid = g.tgrelid
            %s
            %s
            WHERE NOT g.tgisinternal
            ORDER BY g.tgname""".formatted(SCANNED.formatted("t.relnamespace"),
            comment("gd", "pg_trigger", "g.oid", "0"));

    /** pg_get_functiondef fails on aggregates and window functions, so only plain functions and procedures get one. */
    private static final String ROUTINES = """
            SELECT n.nspname, p.proname, p.prokind, pg_catalog.pg_get_function_arguments(p.oid),
                   pg_catalog.pg_get_function_result(p.oid), pd.description,
                   CASE WHEN p.prokind IN ('f', 'p') THEN pg_catalog.pg_get_functiondef(p.oid) END
            FROM pg_catalog.pg_proc p
            %s
            %s
            ORDER BY p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)""".formatted(
            SCANNED.formatted("p.pronamespace"), comment("pd", "pg_proc", "p.oid", "0"));

    /** Identity columns' sequences are left out: they belong to their column, whose default says so. */
    private static final String SEQUENCES = """
            SELECT n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
                   cd.description
            FROM pg_catalog.pg_sequence s
            JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
            %s
            %s
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                              AND d.objid = c.oid AND d.deptype = 'i')
            ORDER BY c.relname""".formatted(SCANNED.formatted("c.relnamespace"), comment("cd", "pg_class", "c.oid", "0"));

    /**
     * Enums, domains and free-standing composite types (not the row types every table has). Array types
     * and the types of extensions' internals (base, range, pseudo) are not listed. A domain's NOT NULL
     * goes into its summary, not its constraint list: PostgreSQL 17 also keeps it as a constraint row,
     * older servers do not.
     */
    private static final String TYPES = """
            SELECT n.nspname, t.typname, t.typtype,
                   CASE t.typtype
                       WHEN 'e' THEN ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e
                                           WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
                       WHEN 'd' THEN ARRAY(SELECT 'CONSTRAINT ' || pg_catalog.quote_ident(k.conname) || ' '
                                                  || pg_catalog.pg_get_constraintdef(k.oid, true)
                                           FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c'
                                           ORDER BY k.conname)
                       ELSE ARRAY(SELECT pg_catalog.quote_ident(a.attname) || ' '
                                         || pg_catalog.format_type(a.atttypid, a.atttypmod)
                                  FROM pg_catalog.pg_attribute a
                                  WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                                  ORDER BY a.attnum)
                   END,
                   CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod)
                        || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
                        || COALESCE(' DEFAULT ' || t.typdefault, '') END,
                   td.description
            FROM pg_catalog.pg_type t
            %s
            %s
            LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
            WHERE t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND c.relkind = 'c')
            ORDER BY t.typname""".formatted(SCANNED.formatted("t.typnamespace"), comment("td", "pg_type", "t.oid", "0"));

    private final Connection connection;

    PgSchemaScanner(Connection connection) {
        this.connection = connection;
    }

    /**
     * Schema names with comments, sorted by name. The server's own schemas (pg_catalog,
     * information_schema, pg_toast and the per-session temporary ones) are hidden unless
     * {@code includeSystem}, and then come after the user's.
     */
    List<SchemaRef> listSchemas(boolean includeSystem) throws SQLException {
        List<SchemaRef> user = new ArrayList<>();
        List<SchemaRef> system = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(LIST_SCHEMAS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                SchemaRef ref = new SchemaRef(rs.getString(1), rs.getString(2), rs.getString(3));
                (rs.getBoolean(4) ? system : user).add(ref);
            }
        }
        if (includeSystem) {
            user.addAll(system);
        }
        return user;
    }

    /** Every object of one schema, in eight queries whatever its size. */
    Schema scan(SchemaRef ref) throws SQLException {
        return scan(List.of(ref)).get(0);
    }

    /**
     * Every object of the given schemas, in the order given: eight queries however many schemas and
     * tables, each reading all the schemas at once.
     */
    List<Schema> scan(List<SchemaRef> refs) throws SQLException {
        if (refs.isEmpty()) {
            return List.of();
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                // The planner prices the catalog functions high enough to compile these queries with JIT,
                // which costs more than the queries themselves (measured: 200 ms of 460 ms for the indexes).
                statement.execute("SET LOCAL jit = off");
            }
            List<Schema> schemas = scanInTransaction(refs);
            connection.commit();
            return schemas;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The scan's queries, all in one transaction. */
    private List<Schema> scanInTransaction(List<SchemaRef> refs) throws SQLException {
        String[] names = refs.stream().map(SchemaRef::name).toArray(String[]::new);
        Map<Long, List<Column>> columns = columns(names);
        TableKeys keys = constraints(names, columns);
        Map<Long, List<Index>> indexes = indexes(names, columns);
        Map<Long, List<Trigger>> triggers = triggers(names);

        Map<String, List<Table>> tables = new HashMap<>();
        forEachRow(RELATIONS, names, rs -> {
            String schema = rs.getString(1);
            long oid = rs.getLong(2);
            ObjectKind kind = switch (rs.getString(4)) {
                case "v" -> ObjectKind.VIEW;
                case "m" -> ObjectKind.MATERIALIZED_VIEW;
                case "f" -> ObjectKind.EXTERNAL_TABLE;
                default -> rs.getBoolean(5) ? ObjectKind.PARTITION : ObjectKind.TABLE;
            };
            // reltuples is -1 until the first VACUUM/ANALYZE (since PostgreSQL 14); views have none
            float tuples = rs.getFloat(7);
            long estimate = kind == ObjectKind.VIEW || tuples < 0 ? -1 : (long) tuples;
            tables.computeIfAbsent(schema, k -> new ArrayList<>()).add(new Table(schema, rs.getString(3), kind,
                    rs.getString(6), rs.getString(8), columns.getOrDefault(oid, List.of()), keys.primaryKeys.get(oid),
                    keys.foreignKeys.getOrDefault(oid, List.of()), indexes.getOrDefault(oid, List.of()), estimate,
                    keys.others.getOrDefault(oid, List.of()), triggers.getOrDefault(oid, List.of())));
        });
        Map<String, List<Routine>> routines = routines(names);
        Map<String, List<Sequence>> sequences = sequences(names);
        Map<String, List<TypeDef>> types = types(names);

        List<Schema> schemas = new ArrayList<>();
        for (SchemaRef ref : refs) {
            List<Table> schemaTables = tables.getOrDefault(ref.name(), new ArrayList<>());
            schemaTables.sort(Comparator.comparing(Table::name, BYTE_ORDER));
            schemas.add(new Schema(ref, schemaTables, routines.getOrDefault(ref.name(), List.of()),
                    sequences.getOrDefault(ref.name(), List.of()), types.getOrDefault(ref.name(), List.of())));
        }
        return schemas;
    }

    /**
     * Names in the order the server sorts the {@code name} type (byte by byte, as the C collation does),
     * so the tree's order does not depend on the client's locale.
     */
    private static final Comparator<String> BYTE_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private void forEachRow(String sql, String[] schemas, CatalogQuery.RowReader reader) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", schemas);
            try {
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            } finally {
                array.free();
            }
        }
    }

    private Map<Long, List<Column>> columns(String[] schemas) throws SQLException {
        Map<Long, List<Column>> byTable = new HashMap<>();
        forEachRow(COLUMNS, schemas, rs -> {
            byTable.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Column(rs.getString(2),
                    rs.getInt(3), rs.getString(4), !rs.getBoolean(5),
                    defaultText(rs.getString(6), rs.getString(7), rs.getString(8)), rs.getString(9), List.of()));
        });
        byTable.values().forEach(list -> list.sort(Comparator.comparingInt(Column::position)));
        return byTable;
    }

    /**
     * The default as a person would write it in CREATE TABLE: identity and generated columns have no
     * plain default, so their clause is shown instead.
     */
    static String defaultText(String expression, String identity, String generated) {
        if ("a".equals(identity)) {
            return "GENERATED ALWAYS AS IDENTITY";
        }
        if ("d".equals(identity)) {
            return "GENERATED BY DEFAULT AS IDENTITY";
        }
        if ("s".equals(generated)) {
            return "GENERATED ALWAYS AS " + (isParenthesized(expression) ? expression : "(" + expression + ")")
                    + " STORED";
        }
        return expression == null ? "" : expression;
    }

    /**
     * Whether the first character opens a bracket that the last one closes, so that wrapping it again
     * would print {@code ((a * b))}; brackets inside quoted literals and identifiers do not count.
     */
    static boolean isParenthesized(String expression) {
        if (expression.length() < 2 || expression.charAt(0) != '(') {
            return false;
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char ch = expression.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i == expression.length() - 1;
            }
        }
        return false;
    }

    /** The keys and other constraints of the scanned tables, by table oid. */
    private record TableKeys(Map<Long, PrimaryKey> primaryKeys, Map<Long, List<ForeignKey>> foreignKeys,
                             Map<Long, List<Constraint>> others) { }

    private TableKeys constraints(String[] schemas, Map<Long, List<Column>> columns) throws SQLException {
        TableKeys keys = new TableKeys(new HashMap<>(), new HashMap<>(), new HashMap<>());
        forEachRow(CONSTRAINTS, schemas, rs -> {
            long table = rs.getLong(1);
            String name = rs.getString(2);
            List<String> cols = columnNames(columns.get(table), shorts(rs.getArray(4)), Integer.MAX_VALUE);
            switch (rs.getString(3)) {
                case "p" -> keys.primaryKeys.put(table, new PrimaryKey(name, cols));
                case "f" -> keys.foreignKeys.computeIfAbsent(table, k -> new ArrayList<>()).add(new ForeignKey(name,
                        cols, rs.getString(5), rs.getString(6), strings(rs.getArray(7)), rs.getString(9)));
                default -> {
                    Constraint.Type type = switch (rs.getString(3)) {
                        case "u" -> Constraint.Type.UNIQUE;
                        case "c" -> Constraint.Type.CHECK;
                        default -> Constraint.Type.EXCLUSION;
                    };
                    keys.others.computeIfAbsent(table, k -> new ArrayList<>())
                            .add(new Constraint(name, type, cols, rs.getString(8), rs.getString(9)));
                }
            }
        });
        return keys;
    }

    private Map<Long, List<Index>> indexes(String[] schemas, Map<Long, List<Column>> columns) throws SQLException {
        Map<Long, List<Index>> byTable = new HashMap<>();
        forEachRow(INDEXES, schemas, rs -> {
            long table = rs.getLong(1);
            List<String> printed = strings(rs.getArray(6));
            List<String> keyColumns = printed.isEmpty()
                    ? columnNames(columns.get(table), shorts(rs.getArray(5)), rs.getInt(4)) : printed;
            byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(new Index(rs.getString(2), keyColumns,
                    rs.getBoolean(3), rs.getString(7), rs.getString(8)));
        });
        return byTable;
    }

    /** The names of the first {@code limit} column numbers, looked up in the table's scanned columns. */
    private static List<String> columnNames(List<Column> tableColumns, short[] numbers, int limit) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < numbers.length && i < limit; i++) {
            int number = numbers[i];
            String name = null;
            if (tableColumns != null) {
                for (Column c : tableColumns) {
                    if (c.position() == number) {
                        name = c.name();
                        break;
                    }
                }
            }
            // a system column (e.g. ctid, negative) or a column missing from the scan keeps its number
            names.add(name != null ? name : "#" + number);
        }
        return names;
    }

    private Map<Long, List<Trigger>> triggers(String[] schemas) throws SQLException {
        Map<Long, List<Trigger>> byTable = new HashMap<>();
        forEachRow(TRIGGERS, schemas, rs -> {
            byTable.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Trigger(rs.getString(2),
                    triggerEvent(rs.getInt(3)), rs.getString(4), rs.getString(5)));
        });
        return byTable;
    }

    /** Decodes pg_trigger.tgtype (bit flags from the server's trigger.h) into e.g. "AFTER INSERT OR UPDATE FOR EACH ROW". */
    static String triggerEvent(int type) {
        String timing = (type & 64) != 0 ? "INSTEAD OF" : (type & 2) != 0 ? "BEFORE" : "AFTER";
        List<String> events = new ArrayList<>();
        if ((type & 4) != 0) {
            events.add("INSERT");
        }
        if ((type & 16) != 0) {
            events.add("UPDATE");
        }
        if ((type & 8) != 0) {
            events.add("DELETE");
        }
        if ((type & 32) != 0) {
            events.add("TRUNCATE");
        }
        return timing + " " + String.join(" OR ", events) + " FOR EACH " + ((type & 1) != 0 ? "ROW" : "STATEMENT");
    }

    private Map<String, List<Routine>> routines(String[] schemas) throws SQLException {
        Map<String, List<Routine>> bySchema = new HashMap<>();
        forEachRow(ROUTINES, schemas, rs -> {
            bySchema.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Routine(rs.getString(2),
                    "p".equals(rs.getString(3)), "(" + rs.getString(4) + ")", rs.getString(5), rs.getString(6),
                    rs.getString(7)));
        });
        return bySchema;
    }

    private Map<String, List<Sequence>> sequences(String[] schemas) throws SQLException {
        Map<String, List<Sequence>> bySchema = new HashMap<>();
        forEachRow(SEQUENCES, schemas, rs -> {
            bySchema.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Sequence(rs.getString(2),
                    rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6)));
        });
        return bySchema;
    }

    private Map<String, List<TypeDef>> types(String[] schemas) throws SQLException {
        Map<String, List<TypeDef>> bySchema = new HashMap<>();
        forEachRow(TYPES, schemas, rs -> {
            TypeDef.Kind kind = switch (rs.getString(3)) {
                case "e" -> TypeDef.Kind.ENUM;
                case "d" -> TypeDef.Kind.DOMAIN;
                default -> TypeDef.Kind.COMPOSITE;
            };
            bySchema.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new TypeDef(rs.getString(2), kind,
                    strings(rs.getArray(4)), rs.getString(5), rs.getString(6)));
        });
        return bySchema;
    }

    /** An int2[] column (column numbers); pgjdbc hands it out as Short[]. */
    private static short[] shorts(Array array) throws SQLException {
        if (array == null) {
            return new short[0];
        }
        try {
            Object[] values = (Object[]) array.getArray();
            short[] out = new short[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = ((Number) values[i]).shortValue();
            }
            return out;
        } finally {
            array.free();
        }
    }

    /** A text[] column as a list; pgjdbc hands it out as a String[]. */
    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.asList((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
