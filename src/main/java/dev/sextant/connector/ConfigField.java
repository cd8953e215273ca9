package dev.sextant.connector;

import java.util.List;
import java.util.Map;
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
 * @param shownWhen    the other field's values for which this one applies (it is shown, checked and
 *                     saved only then); null when it always applies
 */
public record ConfigField(String name, String label, FieldType type, boolean required, String defaultValue,
                          boolean secret, String group, List<String> choices, String help, ShownWhen shownWhen) {

    /** This field applies only while the field {@code field} holds one of {@code values}. */
    public record ShownWhen(String field, List<String> values) {
        public ShownWhen {
            Objects.requireNonNull(field, "field");
            values = List.copyOf(values);
        }
    }

    public ConfigField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(group, "group");
        choices = List.copyOf(choices);
        help = help == null ? "" : help;
    }

    public ConfigField(String name, String label, FieldType type, boolean required, String defaultValue,
                       boolean secret, String group, List<String> choices, String help) {
        this(name, label, type, required, defaultValue, secret, group, choices, help, null);
    }

    /** This field, applying only while {@code field} holds one of {@code values}. */
    public ConfigField shownWhen(String field, String... values) {
        return new ConfigField(name, label, type, required, defaultValue, secret, group, choices, help,
                new ShownWhen(field, List.of(values)));
    }

    /**
     * Whether this field applies to these settings: always, unless it is {@link #shownWhen} another field
     * whose value (or, when it has none, its default) is not one of the listed values.
     *
     * @param all      every field of the connector, for the other field's default
     * @param settings the config's values by field name
     */
    public boolean appliesTo(List<ConfigField> all, Map<String, String> settings) {
        if (shownWhen == null) {
            return true;
        }
        String value = settings.get(shownWhen.field());
        if (value == null || value.isBlank()) {
            value = all.stream().filter(f -> f.name().equals(shownWhen.field())).map(ConfigField::defaultValue)
                    .filter(Objects::nonNull).findFirst().orElse("");
        }
        return shownWhen.values().contains(value.strip());
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
