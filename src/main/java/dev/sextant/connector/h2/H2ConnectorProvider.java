package dev.sextant.connector.h2;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConfigField;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ConnectorProvider;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.FieldType;
import dev.sextant.connector.SqlDialect;
import dev.sextant.schema.DatabaseSchema;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Registers the H2 connector (see META-INF/services). */
public final class H2ConnectorProvider implements ConnectorProvider {

    public static final String TYPE = "h2";
    static final String PATH = "path";
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String CREATE = "create";
    private static final String FILE_SUFFIX = ".mv.db";

    static final SqlDialect DIALECT = SqlDialect.doubleQuoted("H2", true, Set.of(
            "ALL", "AND", "ANY", "ARRAY", "AS", "ASYMMETRIC", "AUTHORIZATION", "BETWEEN", "BOTH", "CASE", "CAST",
            "CHECK", "CONSTRAINT", "CROSS", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE",
            "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DAY", "DEFAULT", "DISTINCT",
            "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "FULL", "GROUP",
            "GROUPS", "HAVING", "HOUR", "IF", "ILIKE", "IN", "INNER", "INTERSECT", "INTERVAL", "IS", "JOIN", "KEY",
            "LEADING", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "MINUS", "MINUTE", "MONTH",
            "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OVER", "PARTITION", "PRIMARY", "QUALIFY",
            "RANGE", "REGEXP", "RIGHT", "ROW", "ROWNUM", "ROWS", "SECOND", "SELECT", "SESSION_USER", "SET",
            "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TO", "TOP", "TRAILING", "TRUE", "UESCAPE", "UNION",
            "UNIQUE", "UNKNOWN", "USER", "USING", "VALUE", "VALUES", "WHEN", "WHERE", "WINDOW", "WITH", "YEAR",
            "_ROWID_"));

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String displayName() {
        return "H2 Database";
    }

    @Override
    public List<ConfigField> fields() {
        return List.of(
                ConfigField.of(PATH, "Database file", FieldType.FILE, true, null, "Main",
                        "An H2 database file (.mv.db), or mem:NAME for an in-memory database."),
                ConfigField.text(USER, "User", false, "sa", "Authentication", ""),
                ConfigField.secret(PASSWORD, "Password", false, "Authentication", "Leave empty if the database has none."),
                ConfigField.of(CREATE, "Create the database if it does not exist", FieldType.BOOLEAN, false, "false",
                        "Advanced", "Off by default, so a mistyped path is reported instead of creating an empty database."));
    }

    /** An H2 path names the database without its {@code .mv.db}; mem: names and "create" need no file. */
    @Override
    public Optional<String> fileProblem(ConfigField field, String value, Map<String, String> settings) {
        String path = value.strip();
        if (!field.name().equals(PATH)) {
            return ConnectorProvider.super.fileProblem(field, value, settings);
        }
        if (path.startsWith("mem:") || "true".equalsIgnoreCase(settings.get(CREATE))) {
            return Optional.empty();
        }
        try {
            String base = path.endsWith(FILE_SUFFIX) ? path.substring(0, path.length() - FILE_SUFFIX.length()) : path;
            if (Files.isRegularFile(Path.of(base + FILE_SUFFIX))) {
                return Optional.empty();
            }
        } catch (InvalidPathException e) {
            return Optional.of("'" + field.label() + "' is not a valid path.");
        }
        return Optional.of("'" + field.label() + "': there is no H2 database at " + path
                + " (no .mv.db file). Turn on 'Create the database if it does not exist' to make a new one.");
    }

    @Override
    public SqlDialect dialect() {
        return DIALECT;
    }

    @Override
    public BaseDBConnector create(ConnectionParameters parameters) {
        return new H2Connector(parameters);
    }

    /** Creates a database file in the scratch folder, writes and reads a row of varied types and scans it. */
    @Override
    public String selfCheck(Path scratch) {
        ConnectionParameters parameters = ConnectionParameters.of(Map.of(
                PATH, scratch.resolve("h2-self-check").toString(), CREATE, "true"));
        try (BaseDBConnector connector = create(parameters)) {
            connector.connect();
            connector.executeSqlStatement("CREATE TABLE CHECKED(ID INT PRIMARY KEY, NAME VARCHAR(40), "
                    + "AMOUNT DECIMAL(12, 2), AT TIMESTAMP WITH TIME ZONE, DOC JSON, DATA VARBINARY)", null, null);
            connector.executeSqlStatement("INSERT INTO CHECKED VALUES (?, ?, 12.50, CURRENT_TIMESTAMP, "
                    + "JSON '{\"a\": 1}', X'CAFE')", List.of(1, "Zoë"), null);
            List<Map<String, Object>> rows = connector.executeSqlStatement("SELECT * FROM CHECKED", null, null);
            DatabaseSchema schema = connector.scanDbSchema();
            if (rows.size() != 1 || !"Zoë".equals(rows.get(0).get("NAME")) || schema.schemas().isEmpty()) {
                throw new ConnectorException(ErrorKind.INTERNAL, "H2 returned " + rows + " for the row it was given.");
            }
        }
        return "created a database file, wrote and read a row, scanned its schema";
    }
}
