package dev.sextant.connector;

import java.util.List;
import java.util.Objects;

/**
 * One field a connector needs in its configuration. Forms, validation and import are generated from
 * these, so a new connector gets a form without UI code.
 *
 * @param name         key in the config's parameters (or secret references, when {@code secret})
 * @param label        what the form shows
 * @param type         how it is edited
 * @param required     whether a value must be given
 * @param defaultValue used when no value is given; may be null
 * @param secret       kept in the secret store, never in the config's parameters
 * @param group        form section, e.g. "Main", "Authentication", "Advanced"
 * @param choices      allowed values for {@link FieldType#CHOICE}, otherwise empty
 * @param help         one sentence shown next to the field; may be empty
 */
public record ConfigField(String name, String label, FieldType type, boolean required, String defaultValue,
                          boolean secret, String group, List<String> choices, String help) {

    public ConfigField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(group, "group");
        choices = List.copyOf(choices);
        help = help == null ? "" : help;
    }

    public static ConfigField text(String name, String label, boolean required, String defaultValue, String group, String help) {
        return new ConfigField(name, label, FieldType.TEXT, required, defaultValue, false, group, List.of(), help);
    }

    public static ConfigField secret(String name, String label, boolean required, String group, String help) {
        return new ConfigField(name, label, FieldType.PASSWORD, required, null, true, group, List.of(), help);
    }

    public static ConfigField of(String name, String label, FieldType type, boolean required, String defaultValue,
                                 String group, String help) {
        return new ConfigField(name, label, type, required, defaultValue, false, group, List.of(), help);
    }

    public static ConfigField choice(String name, String label, List<String> choices, String defaultValue,
                                     String group, String help) {
        return new ConfigField(name, label, FieldType.CHOICE, true, defaultValue, false, group, choices, help);
    }
}
