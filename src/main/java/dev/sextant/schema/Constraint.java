package dev.sextant.schema;

import java.util.List;
import java.util.Objects;

/**
 * A unique, check or exclusion constraint of a table. Primary and foreign keys have their own records
 * ({@link PrimaryKey}, {@link ForeignKey}) and are not repeated here.
 *
 * @param columns    the constrained columns in key order; for a check, the columns it mentions (may be empty)
 * @param definition the constraint as the database spells it, e.g. {@code CHECK (qty > 0)} or {@code UNIQUE (code)}
 */
public record Constraint(String name, Type type, List<String> columns, String definition, String comment) {

    /** What a constraint enforces. */
    public enum Type { UNIQUE, CHECK, EXCLUSION }

    public Constraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        columns = List.copyOf(columns);
        definition = definition == null ? "" : definition;
        comment = comment == null ? "" : comment;
    }
}
