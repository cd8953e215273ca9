package dev.sextant.config;

import dev.sextant.connector.ConfigField;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ConnectorProvider;
import dev.sextant.connector.ConnectorRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a config against its connector's declared fields before anything is saved. Every message names
 * the field by the label the form shows.
 */
public final class ConfigValidator {

    static final int MAX_NAME = 200;
    /** A field of this name is a TCP port wherever it appears, so it is held to the port range. */
    private static final String PORT = "port";
    private static final int MAX_PORT = 65535;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern REFERENCE = Pattern.compile("(keychain|env|session):[A-Za-z0-9_.\\-]+");

    private final ConnectorRegistry registry;

    public ConfigValidator(ConnectorRegistry registry) {
        this.registry = registry;
    }

    /** @throws InvalidConfigException listing every problem found */
    public void validate(ExternalDatabaseConfig config) {
        List<FieldProblem> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("Connection '" + config.name() + "' was not saved", problems);
        }
    }

    public List<FieldProblem> problems(ExternalDatabaseConfig config) {
        List<FieldProblem> problems = new ArrayList<>();
        if (config.name().isBlank()) {
            problems.add(new FieldProblem("name", "'Name' must not be empty."));
        } else if (config.name().length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "'Name' must be at most " + MAX_NAME + " characters."));
        }
        if (config.folder().length() > MAX_NAME) {
            problems.add(new FieldProblem("folder", "'Folder' must be at most " + MAX_NAME + " characters."));
        }
        if (config.color() != null && !COLOR.matcher(config.color()).matches()) {
            problems.add(new FieldProblem("color", "'Colour' must look like #1f6feb."));
        }
        ConnectorProvider provider;
        try {
            provider = registry.provider(config.type());
        } catch (ConnectorException e) {
            problems.add(new FieldProblem("type", e.getMessage()));
            return problems;
        }
        Map<String, ConfigField> fields = provider.fields().stream()
                .collect(Collectors.toMap(ConfigField::name, f -> f));
        for (ConfigField field : provider.fields()) {
            // a field that does not apply to these settings (a key file while signing in another way) is
            // not required and its value is not checked; a secret among the plain settings is still refused
            boolean applies = field.appliesTo(provider.fields(), config.parameters());
            if (field.secret()) {
                checkSecret(field, config, applies, problems);
            } else if (applies) {
                checkValue(field, config.parameters().get(field.name()), problems);
            }
        }
        Set<String> unknown = new java.util.TreeSet<>(config.parameters().keySet());
        unknown.removeAll(fields.keySet());
        for (String name : unknown) {
            problems.add(new FieldProblem(name, "'" + name + "' is not a setting of " + provider.displayName() + "."));
        }
        Set<String> unknownSecrets = new java.util.TreeSet<>(config.secretRefs().keySet());
        unknownSecrets.removeIf(k -> fields.containsKey(k) && fields.get(k).secret());
        for (String name : unknownSecrets) {
            problems.add(new FieldProblem(name, "'" + name + "' is not a secret setting of " + provider.displayName() + "."));
        }
        return problems;
    }

    private static void checkSecret(ConfigField field, ExternalDatabaseConfig config, boolean applies,
                                    List<FieldProblem> problems) {
        if (config.parameters().containsKey(field.name())) {
            // a secret value among plain settings would be written to the store: refuse it outright
            problems.add(new FieldProblem(field.name(), "'" + field.label()
                    + "' is a secret: keep it in the keychain, the session or an environment variable, not in the settings."));
        }
        String ref = config.secretRefs().get(field.name());
        if (ref == null) {
            if (field.required() && applies) {
                problems.add(new FieldProblem(field.name(), "'" + field.label() + "' is required."));
            }
        } else if (!REFERENCE.matcher(ref).matches()) {
            problems.add(new FieldProblem(field.name(), "'" + field.label()
                    + "' must be a keychain, session or env:NAME reference."));
        }
    }

    private static void checkValue(ConfigField field, String value, List<FieldProblem> problems) {
        String label = "'" + field.label() + "'";
        if (value == null || value.isBlank()) {
            if (field.required() && (field.defaultValue() == null || field.defaultValue().isBlank())) {
                problems.add(new FieldProblem(field.name(), label + " is required."));
            }
            return;
        }
        switch (field.type()) {
            case INTEGER -> {
                long number;
                try {
                    number = Long.parseLong(value.strip());
                } catch (NumberFormatException e) {
                    problems.add(new FieldProblem(field.name(), label + " must be a whole number, not '" + value + "'."));
                    return;
                }
                if (field.name().equals(PORT) && (number < 1 || number > MAX_PORT)) {
                    problems.add(new FieldProblem(field.name(), label + " must be between 1 and " + MAX_PORT + ", not " + number + "."));
                } else if (number < 0) {
                    problems.add(new FieldProblem(field.name(), label + " must not be negative."));
                }
            }
            case BOOLEAN -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    problems.add(new FieldProblem(field.name(), label + " must be true or false, not '" + value + "'."));
                }
            }
            case CHOICE -> {
                if (!field.choices().contains(value)) {
                    problems.add(new FieldProblem(field.name(), label + " must be one of " + String.join(", ", field.choices())
                            + ", not '" + value + "'."));
                }
            }
            default -> {
                if (value.length() > 4000) {
                    problems.add(new FieldProblem(field.name(), label + " is too long (at most 4000 characters)."));
                }
            }
        }
    }
}
