package dev.sextant.sql;

import java.util.Objects;

/**
 * What the user entered for one parameter.
 *
 * @param secret marked secret in the form: it is bound for the run and then forgotten; it is never
 *               remembered for the next run nor written to the history
 */
public record ParameterValue(String name, ParameterType type, String text, boolean secret) {

    public ParameterValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        text = text == null ? "" : text;
    }

    public Object value() {
        return type.convert(text);
    }
}
