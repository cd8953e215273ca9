package dev.sextant.connector;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers one database type with Sextant. Implementations are listed in
 * {@code META-INF/services/dev.sextant.connector.ConnectorProvider} and found by {@link ConnectorRegistry};
 * nothing else in the application names a concrete connector.
 */
public interface ConnectorProvider {

    /** The stable key stored in configs, e.g. {@code "h2"}. */
    String type();

    /** What the user sees, e.g. "H2 Database". */
    String displayName();

    /** The fields a config of this type needs, in form order. */
    List<ConfigField> fields();

    /** How this database quotes names. */
    SqlDialect dialect();

    /** Builds a connector; it does not connect yet. */
    BaseDBConnector create(ConnectionParameters parameters);

    /**
     * Runs as much of this connector's driver as can run without a network, so that a packaged Sextant
     * whose trimmed Java runtime lacks a module the driver needs finds out from {@code --self-check}
     * (as a {@link LinkageError} or a failure thrown from here) instead of at a user's first connection.
     *
     * <p>The default builds a connector from the fields' defaults (a placeholder where a required field
     * has none) and closes it, which loads the connector's own classes; connectors override it to run
     * more of their driver.
     *
     * @param scratch an empty folder the check may write to; it is deleted afterwards
     * @return what was exercised, in a few words for the report
     */
    default String selfCheck(Path scratch) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ConfigField field : fields()) {
            if (field.defaultValue() != null) {
                values.put(field.name(), field.defaultValue());
            } else if (field.required() && field.type() != FieldType.PASSWORD) {
                values.put(field.name(), "self-check");
            }
        }
        try (BaseDBConnector connector = create(new ConnectionParameters(values, Map.of(), true))) {
            connector.dialect();
        }
        return "connector built; it has no offline check of its driver";
    }

    /**
     * Why the value of a {@link FieldType#FILE} field cannot be used, naming the field, or empty when it
     * can. Forms ask this as the user types (on a background thread: it looks at the disk). The default
     * wants a readable file; a connector whose "file" can be something else (a database name without its
     * extension, an in-memory name, a file it will create) overrides it.
     *
     * @param settings the other values of the form, by field name
     */
    default Optional<String> fileProblem(ConfigField field, String value, Map<String, String> settings) {
        Path path;
        try {
            path = Path.of(value.strip());
        } catch (InvalidPathException e) {
            return Optional.of("'" + field.label() + "' is not a valid path.");
        }
        if (Files.isDirectory(path)) {
            return Optional.of("'" + field.label() + "' is a folder; choose a file.");
        }
        if (!Files.isReadable(path)) {
            return Optional.of("'" + field.label() + "': there is no readable file at " + value.strip() + ".");
        }
        return Optional.empty();
    }
}
