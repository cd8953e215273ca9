package dev.sextant.connector;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a database spells identifiers: when a name needs quotes and which quotes. Used for "copy
 * qualified name" and the queries Sextant writes for the user (e.g. opening a table).
 */
public abstract class SqlDialect {

    /** A short name shown to the user, e.g. "H2". */
    public abstract String name();

    /** Quotes a name if (and only if) the database would not read it back unchanged without quotes. */
    public abstract String quoteIdentifier(String name);

    /** {@code schema.table}, each part quoted as needed; a null or empty schema is left out. */
    public String qualify(String schema, String name) {
        String quoted = quoteIdentifier(name);
        return schema == null || schema.isEmpty() ? quoted : quoteIdentifier(schema) + "." + quoted;
    }

    /**
     * A query for the first {@code rows} rows of a table or view, e.g. {@code SELECT * FROM s.t LIMIT 200}.
     * Databases that spell the limit differently override it.
     */
    public String selectFirstRows(String schema, String name, int rows) {
        return "SELECT * FROM " + qualify(schema, name) + " LIMIT " + rows;
    }

    /**
     * Standard SQL double-quote identifiers that fold unquoted names to one case.
     * H2 folds to upper case, PostgreSQL to lower case.
     */
    public static SqlDialect doubleQuoted(String name, boolean foldsToUpper, Set<String> reservedWords) {
        Pattern plain = foldsToUpper ? Pattern.compile("[A-Z_][A-Z0-9_$]*") : Pattern.compile("[a-z_][a-z0-9_$]*");
        return new SqlDialect() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String quoteIdentifier(String identifier) {
                boolean bare = plain.matcher(identifier).matches()
                        && !reservedWords.contains(identifier.toUpperCase(Locale.ROOT));
                return bare ? identifier : '"' + identifier.replace("\"", "\"\"") + '"';
            }
        };
    }
}
