package dev.sextant.query;

import dev.sextant.connector.SqlDialect;
import dev.sextant.schema.Column;
import dev.sextant.schema.Constraint;
import dev.sextant.schema.ForeignKey;
import dev.sextant.schema.Index;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.Routine;
import dev.sextant.schema.Sequence;
import dev.sextant.schema.Table;
import dev.sextant.schema.Trigger;
import dev.sextant.schema.TypeDef;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The definition of a scanned object as SQL text, for the explorer's read-only definition view. Where
 * the database printed the object itself (views, routines, triggers, index statements) that text is
 * used; tables, sequences and types are written from the scanned model, which knows their columns, keys
 * and constraints but not storage options or grants, and the text says so.
 */
public final class DefinitionText {

    static final String RECONSTRUCTED = "-- Written from the scanned schema: storage options, grants and ownership are not shown.\n";

    private final SqlDialect dialect;

    public DefinitionText(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The definition of {@code object} (a model record of the schema package).
     *
     * @param schema the schema the object belongs to
     * @param owner  the table an index, key, constraint, trigger or column belongs to; null otherwise
     * @return the text, or empty when the model has no definition for this kind of object
     */
    public String of(Object object, String schema, Table owner) {
        if (object instanceof Table t) {
            return table(t);
        } else if (object instanceof Column && owner != null) {
            return table(owner);
        } else if (object instanceof Routine r) {
            return routine(schema, r);
        } else if (object instanceof Sequence q) {
            return sequence(schema, q);
        } else if (object instanceof TypeDef t) {
            return type(schema, t);
        } else if (object instanceof Index i && owner != null) {
            return index(owner, i) + ";\n";
        } else if (object instanceof Trigger tr) {
            return tr.definition().isEmpty() ? "" : terminated(tr.definition());
        } else if (object instanceof Constraint c && owner != null) {
            return "ALTER TABLE " + name(owner) + " ADD CONSTRAINT " + dialect.quoteIdentifier(c.name()) + " "
                    + c.definition() + ";\n";
        } else if (object instanceof ForeignKey fk && owner != null) {
            return "ALTER TABLE " + name(owner) + " ADD " + foreignKey(fk) + ";\n";
        }
        return "";
    }

    private String name(Table t) {
        return dialect.qualify(t.schema(), t.name());
    }

    private String table(Table t) {
        String name = name(t);
        StringBuilder sb = new StringBuilder();
        switch (t.kind()) {
            case VIEW, MATERIALIZED_VIEW -> {
                sb.append("CREATE ").append(t.kind() == ObjectKind.MATERIALIZED_VIEW ? "MATERIALIZED VIEW " : "VIEW ")
                        .append(name).append(" AS\n").append(terminated(t.definition().strip()));
                comments(sb, t);
                return sb.toString();
            }
            case PARTITION -> {
                if (t.definition().startsWith("PARTITION OF")) {
                    sb.append(RECONSTRUCTED).append("CREATE TABLE ").append(name).append(' ').append(t.definition()).append(";\n");
                    comments(sb, t);
                    return sb.toString();
                }
            }
            default -> {
                // written below
            }
        }
        sb.append(RECONSTRUCTED);
        sb.append("CREATE ").append(t.kind() == ObjectKind.EXTERNAL_TABLE ? "FOREIGN TABLE " : "TABLE ").append(name).append(" (\n");
        List<String> lines = new java.util.ArrayList<>();
        for (Column c : t.columns()) {
            lines.add("    " + column(c));
        }
        t.primaryKeyOpt().ifPresent(pk -> lines.add("    " + (pk.name().isEmpty() ? "" : "CONSTRAINT "
                + dialect.quoteIdentifier(pk.name()) + " ") + "PRIMARY KEY (" + names(pk.columns()) + ")"));
        for (Constraint c : t.constraints()) {
            lines.add("    CONSTRAINT " + dialect.quoteIdentifier(c.name()) + " " + c.definition());
        }
        for (ForeignKey fk : t.foreignKeys()) {
            lines.add("    " + foreignKey(fk));
        }
        sb.append(String.join(",\n", lines)).append("\n)");
        if (!t.definition().isEmpty() && t.kind() != ObjectKind.PARTITION) {
            sb.append(' ').append(t.definition());
        }
        sb.append(";\n");
        for (Index i : t.indexes()) {
            sb.append(index(t, i)).append(";\n");
        }
        for (Trigger tr : t.triggers()) {
            if (!tr.definition().isEmpty()) {
                sb.append(terminated(tr.definition()));
            }
        }
        comments(sb, t);
        return sb.toString();
    }

    private String column(Column c) {
        StringBuilder sb = new StringBuilder(dialect.quoteIdentifier(c.name())).append(' ').append(c.dataType());
        if (!c.defaultValue().isEmpty()) {
            sb.append(c.defaultValue().startsWith("GENERATED ") ? " " : " DEFAULT ").append(c.defaultValue());
        }
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    private String foreignKey(ForeignKey fk) {
        return (fk.name().isEmpty() ? "" : "CONSTRAINT " + dialect.quoteIdentifier(fk.name()) + " ")
                + "FOREIGN KEY (" + names(fk.columns()) + ") REFERENCES "
                + dialect.qualify(fk.referencedSchema(), fk.referencedTable()) + " (" + names(fk.referencedColumns()) + ")";
    }

    private String index(Table t, Index i) {
        if (!i.definition().isEmpty()) {
            return i.definition().strip();
        }
        return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + dialect.quoteIdentifier(i.name()) + " ON "
                + name(t) + " (" + names(i.columns()) + ")";
    }

    private void comments(StringBuilder sb, Table t) {
        String what = switch (t.kind()) {
            case VIEW -> "VIEW";
            case MATERIALIZED_VIEW -> "MATERIALIZED VIEW";
            case EXTERNAL_TABLE -> "FOREIGN TABLE";
            default -> "TABLE";
        };
        if (!t.comment().isEmpty()) {
            sb.append("COMMENT ON ").append(what).append(' ').append(name(t)).append(" IS ").append(literal(t.comment())).append(";\n");
        }
        for (Column c : t.columns()) {
            if (!c.comment().isEmpty()) {
                sb.append("COMMENT ON COLUMN ").append(name(t)).append('.').append(dialect.quoteIdentifier(c.name()))
                        .append(" IS ").append(literal(c.comment())).append(";\n");
            }
        }
    }

    private String routine(String schema, Routine r) {
        String body = r.definition().strip();
        if (body.regionMatches(true, 0, "CREATE", 0, 6)) {
            return terminated(body);
        }
        String header = "-- " + (r.procedure() ? "procedure " : "function ") + dialect.qualify(schema, r.name()) + r.signature()
                + (r.returnType().isEmpty() ? "" : " returns " + r.returnType().toLowerCase(Locale.ROOT)) + "\n";
        return body.isEmpty() ? header + "-- The database reports no definition text for it.\n" : header + body + "\n";
    }

    private String sequence(String schema, Sequence q) {
        StringBuilder sb = new StringBuilder(RECONSTRUCTED).append("CREATE SEQUENCE ").append(dialect.qualify(schema, q.name()));
        if (q.dataType() != null && !q.dataType().isEmpty()) {
            sb.append(" AS ").append(q.dataType().toLowerCase(Locale.ROOT));
        }
        return sb.append(" START WITH ").append(q.start()).append(" INCREMENT BY ").append(q.increment()).append(";\n").toString();
    }

    private String type(String schema, TypeDef t) {
        String name = dialect.qualify(schema, t.name());
        StringBuilder sb = new StringBuilder(RECONSTRUCTED);
        switch (t.kind()) {
            case ENUM -> sb.append("CREATE TYPE ").append(name).append(" AS ENUM (")
                    .append(t.elements().stream().map(DefinitionText::literal).collect(Collectors.joining(", "))).append(");\n");
            case COMPOSITE -> sb.append("CREATE TYPE ").append(name).append(" AS (\n    ")
                    .append(String.join(",\n    ", t.elements())).append("\n);\n");
            case DOMAIN -> sb.append("CREATE DOMAIN ").append(name).append(" AS ").append(t.details())
                    .append(t.elements().isEmpty() ? "" : "\n    " + String.join("\n    ", t.elements())).append(";\n");
        }
        if (!t.comment().isEmpty()) {
            sb.append("COMMENT ON ").append(t.kind() == TypeDef.Kind.DOMAIN ? "DOMAIN " : "TYPE ").append(name)
                    .append(" IS ").append(literal(t.comment())).append(";\n");
        }
        return sb.toString();
    }

    private String names(List<String> names) {
        return names.stream().map(n -> n.startsWith("#") || n.contains("(") ? n : dialect.quoteIdentifier(n))
                .collect(Collectors.joining(", "));
    }

    private static String terminated(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s + "\n" : s + ";\n";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
