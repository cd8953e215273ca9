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
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one PostgreSQL schema straight from pg_catalog with a fixed set of bulk queries (relations,
 * columns, constraints, indexes, triggers, routines, sequences, types), whatever the number of tables.
 * pg_catalog rather than information_schema or DatabaseMetaData: those are slow on big catalogs, hide
 * objects the user does not own, and lack partitions, materialized views, definitions and identity.
 * <p>
 * Names inside definitions and defaults are qualified the way the server prints them for the
 * connection's {@code search_path}.
 */
final class PgSchemaScanner {

    /** Oid of the schema named by the one parameter; every per-schema query filters on it. */
    private static final String SCHEMA_OID = "(SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ?)";

    /** The relation kinds shown as tables: ordinary, partitioned, view, materialized view, foreign. */
    private static final String RELATION_KINDS = "('r', 'p', 'v', 'm', 'f')";

    private static final String LIST_SCHEMAS = """
            SELECT current_database(), n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace'),
                   n.nspname IN ('pg_catalog', 'information_schema', 'pg_toast')
                   OR n.nspname LIKE 'pg\\_temp\\_%' OR n.nspname LIKE 'pg\\_toast\\_temp\\_%'
            FROM pg_catalog.pg_namespace n
            ORDER BY n.nspname""";

    private static final String RELATIONS = """
            SELECT c.relname, c.relkind, c.relispartition,
                   pg_catalog.obj_description(c.oid, 'pg_class'), c.reltuples,
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
            LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
            LEFT JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
            LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
            LEFT JOIN pg_catalog.pg_foreign_table ft ON ft.ftrelid = c.oid
            LEFT JOIN pg_catalog.pg_foreign_server fs ON fs.oid = ft.ftserver
            WHERE c.relnamespace = %s AND c.relkind IN %s
            ORDER BY c.relname""".formatted(SCHEMA_OID, RELATION_KINDS);

    private static final String COLUMNS = """
            SELECT c.relname, a.attname, a.attnum, pg_catalog.format_type(a.atttypid, a.atttypmod),
                   a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid, true), a.attidentity, a.attgenerated,
                   pg_catalog.col_description(a.attrelid, a.attnum)
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.relnamespace = %s AND c.relkind IN %s AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum""".formatted(SCHEMA_OID, RELATION_KINDS);

    /**
     * Keys and constraints with their columns in key order. A foreign key that references a partitioned
     * table has one extra catalog row per referenced partition, on the same table, under generated names
     * ({@code ..._fkey1}); those children of a key of the same table are left out so each key appears
     * once. Keys a partition inherits from its parent stay: they are the partition's own.
     */
    private static final String CONSTRAINTS = """
            SELECT t.relname, k.conname, k.contype,
                   ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(num, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num
                         ORDER BY u.ord),
                   rn.nspname, r.relname,
                   ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(num, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num
                         ORDER BY u.ord),
                   pg_catalog.pg_get_constraintdef(k.oid, true), pg_catalog.obj_description(k.oid, 'pg_constraint')
            FROM pg_catalog.pg_constraint k
            JOIN pg_catalog.pg_class t ON t.oid = k.conrelid
            LEFT JOIN pg_catalog.pg_class r ON r.oid = k.confrelid
            LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
            WHERE t.relnamespace = %s AND k.contype IN ('p', 'f', 'u', 'c', 'x')
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint parent
                              WHERE parent.oid = k.conparentid AND parent.conrelid = k.conrelid)
            ORDER BY t.relname, k.conname""".formatted(SCHEMA_OID);

    /** Key columns only (not INCLUDE ones): pg_get_indexdef(oid, n, true) names a column or prints an expression. */
    private static final String INDEXES = """
            SELECT t.relname, ic.relname, x.indisunique,
                   ARRAY(SELECT pg_catalog.pg_get_indexdef(x.indexrelid, g.n, true)
                         FROM generate_series(1, x.indnkeyatts) g(n) ORDER BY g.n),
                   pg_catalog.obj_description(x.indexrelid, 'pg_class'), pg_catalog.pg_get_indexdef(x.indexrelid)
            FROM pg_catalog.pg_index x
            JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
            JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid
            WHERE t.relnamespace = %s
            ORDER BY t.relname, ic.relname""".formatted(SCHEMA_OID);

    private static final String TRIGGERS = """
            SELECT t.relname, g.tgname, g.tgtype, pg_catalog.pg_get_triggerdef(g.oid, true),
                   pg_catalog.obj_description(g.oid, 'pg_trigger')
            FROM pg_catalog.pg_trigger g
            JOIN pg_catalog.pg_class t ON t.oid = g.tgrelid
            WHERE t.relnamespace = %s AND NOT g.tgisinternal
            ORDER BY t.relname, g.tgname""".formatted(SCHEMA_OID);

    /** pg_get_functiondef fails on aggregates and window functions, so only plain functions and procedures get one. */
    private static final String ROUTINES = """
            SELECT p.proname, p.prokind, pg_catalog.pg_get_function_arguments(p.oid),
                   pg_catalog.pg_get_function_result(p.oid), pg_catalog.obj_description(p.oid, 'pg_proc'),
                   CASE WHEN p.prokind IN ('f', 'p') THEN pg_catalog.pg_get_functiondef(p.oid) END
            FROM pg_catalog.pg_proc p
            WHERE p.pronamespace = %s
            ORDER BY p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)""".formatted(SCHEMA_OID);

    /** Identity columns' sequences are left out: they belong to their column, whose default says so. */
    private static final String SEQUENCES = """
            SELECT c.relname, pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
                   pg_catalog.obj_description(c.oid, 'pg_class')
            FROM pg_catalog.pg_sequence s
            JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
            WHERE c.relnamespace = %s
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass
                              AND d.objid = c.oid AND d.deptype = 'i')
            ORDER BY c.relname""".formatted(SCHEMA_OID);

    /**
     * Enums, domains and free-standing composite types (not the row types every table has). Array types
     * and the types of extensions' internals (base, range, pseudo) are not listed. A domain's NOT NULL
     * goes into its summary, not its constraint list: PostgreSQL 17 also keeps it as a constraint row,
     * older servers do not.
     */
    private static final String TYPES = """
            SELECT t.typname, t.typtype,
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
                   pg_catalog.obj_description(t.oid, 'pg_type')
            FROM pg_catalog.pg_type t
            LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
            WHERE t.typnamespace = %s
              AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND c.relkind = 'c'))
            ORDER BY t.typname""".formatted(SCHEMA_OID);

    private final Connection connection;

    PgSchemaScanner(Connection connection) {
        this.connection = connection;
    }

    private void forEachRow(String sql, String schema, CatalogQuery.RowReader reader) throws SQLException {
        CatalogQuery.forEachRow(connection, sql, schema, reader);
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
        String schema = ref.name();
        Map<String, List<Column>> columns = columns(schema);
        TableKeys keys = constraints(schema);
        Map<String, List<Index>> indexes = indexes(schema);
        Map<String, List<Trigger>> triggers = triggers(schema);

        List<Table> tables = new ArrayList<>();
        forEachRow(RELATIONS, schema, rs -> {
            String name = rs.getString(1);
            ObjectKind kind = switch (rs.getString(2)) {
                case "v" -> ObjectKind.VIEW;
                case "m" -> ObjectKind.MATERIALIZED_VIEW;
                case "f" -> ObjectKind.EXTERNAL_TABLE;
                default -> rs.getBoolean(3) ? ObjectKind.PARTITION : ObjectKind.TABLE;
            };
            // reltuples is -1 until the first VACUUM/ANALYZE (since PostgreSQL 14); views have none
            float tuples = rs.getFloat(5);
            long estimate = kind == ObjectKind.VIEW || tuples < 0 ? -1 : (long) tuples;
            tables.add(new Table(schema, name, kind, rs.getString(4), rs.getString(6),
                    columns.getOrDefault(name, List.of()), keys.primaryKeys.get(name),
                    keys.foreignKeys.getOrDefault(name, List.of()), indexes.getOrDefault(name, List.of()), estimate,
                    keys.others.getOrDefault(name, List.of()), triggers.getOrDefault(name, List.of())));
        });
        return new Schema(ref, tables, routines(schema), sequences(schema), types(schema));
    }

    private Map<String, List<Column>> columns(String schema) throws SQLException {
        Map<String, List<Column>> byTable = new HashMap<>();
        forEachRow(COLUMNS, schema, rs -> {
            byTable.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Column(rs.getString(2),
                    rs.getInt(3), rs.getString(4), !rs.getBoolean(5),
                    defaultText(rs.getString(6), rs.getString(7), rs.getString(8)), rs.getString(9), List.of()));
        });
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

    /** The keys and other constraints of a schema's tables, by table name. */
    private record TableKeys(Map<String, PrimaryKey> primaryKeys, Map<String, List<ForeignKey>> foreignKeys,
                             Map<String, List<Constraint>> others) { }

    private TableKeys constraints(String schema) throws SQLException {
        TableKeys keys = new TableKeys(new HashMap<>(), new HashMap<>(), new HashMap<>());
        forEachRow(CONSTRAINTS, schema, rs -> {
            String table = rs.getString(1);
            String name = rs.getString(2);
            List<String> cols = strings(rs.getArray(4));
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

    private Map<String, List<Index>> indexes(String schema) throws SQLException {
        Map<String, List<Index>> byTable = new HashMap<>();
        forEachRow(INDEXES, schema, rs -> {
            byTable.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Index(rs.getString(2),
                    strings(rs.getArray(4)), rs.getBoolean(3), rs.getString(5), rs.getString(6)));
        });
        return byTable;
    }

    private Map<String, List<Trigger>> triggers(String schema) throws SQLException {
        Map<String, List<Trigger>> byTable = new HashMap<>();
        forEachRow(TRIGGERS, schema, rs -> {
            byTable.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Trigger(rs.getString(2),
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

    private List<Routine> routines(String schema) throws SQLException {
        List<Routine> routines = new ArrayList<>();
        forEachRow(ROUTINES, schema, rs -> {
            routines.add(new Routine(rs.getString(1), "p".equals(rs.getString(2)), "(" + rs.getString(3) + ")",
                    rs.getString(4), rs.getString(5), rs.getString(6)));
        });
        return routines;
    }

    private List<Sequence> sequences(String schema) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        forEachRow(SEQUENCES, schema, rs -> {
            sequences.add(new Sequence(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                    rs.getString(5)));
        });
        return sequences;
    }

    private List<TypeDef> types(String schema) throws SQLException {
        List<TypeDef> types = new ArrayList<>();
        forEachRow(TYPES, schema, rs -> {
            TypeDef.Kind kind = switch (rs.getString(2)) {
                case "e" -> TypeDef.Kind.ENUM;
                case "d" -> TypeDef.Kind.DOMAIN;
                default -> TypeDef.Kind.COMPOSITE;
            };
            types.add(new TypeDef(rs.getString(1), kind, strings(rs.getArray(3)), rs.getString(4), rs.getString(5)));
        });
        return types;
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
