package dev.sextant.schema;

/**
 * One hit of a name search: what was found and where.
 *
 * @param table the owning table for columns, indexes and foreign keys; empty otherwise
 */
public record SchemaMatch(ObjectKind kind, String catalog, String schema, String table, String name) {

    /** {@code schema.table.column}, leaving out empty parts; for display, not for SQL. */
    public String path() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {schema, table, name}) {
            if (part != null && !part.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(part);
            }
        }
        return sb.toString();
    }
}
