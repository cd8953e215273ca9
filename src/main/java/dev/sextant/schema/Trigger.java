package dev.sextant.schema;

import java.util.Objects;

/**
 * A trigger on a table or view.
 *
 * @param event      when it fires, e.g. {@code BEFORE INSERT OR UPDATE FOR EACH ROW}, so a list can show it
 *                   without parsing the definition
 * @param definition the full statement as the database spells it ({@code CREATE TRIGGER ...})
 */
public record Trigger(String name, String event, String definition, String comment) {
    public Trigger {
        Objects.requireNonNull(name, "name");
        event = event == null ? "" : event;
        definition = definition == null ? "" : definition;
        comment = comment == null ? "" : comment;
    }
}
