package dev.sextant.schema;

import java.util.List;
import java.util.Objects;

/**
 * A user-defined type of a schema: an enum, a domain or a composite (row) type.
 *
 * @param elements enum labels in sort order; a composite's attributes as {@code name type}; a domain's
 *                 constraints as the database spells them (e.g. {@code CHECK (VALUE > 0)})
 * @param details  a one-line summary: the domain's base type with NOT NULL and DEFAULT, or empty
 */
public record TypeDef(String name, Kind kind, List<String> elements, String details, String comment) {

    /** The sorts of user-defined type the model knows. */
    public enum Kind { ENUM, DOMAIN, COMPOSITE }

    public TypeDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        elements = List.copyOf(elements);
        details = details == null ? "" : details;
        comment = comment == null ? "" : comment;
    }
}
