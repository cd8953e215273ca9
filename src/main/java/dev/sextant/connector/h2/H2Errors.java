package dev.sextant.connector.h2;

import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.jdbc.SqlErrorTranslator;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads H2's error codes and messages. H2 marks the failing spot of a statement with {@code [*]} inside
 * the quoted SQL of its message; that becomes the error's position.
 */
final class H2Errors implements SqlErrorTranslator {

    private static final Pattern CODE_SUFFIX = Pattern.compile("\\s*\\[\\d+-\\d+]\\s*$");
    private static final String MARKER = "[*]";
    private static final Pattern ESCAPED = Pattern.compile("\\\\([0-9a-fA-F]{4})");
    private static final int MAX_MESSAGE = 600;
    /** H2's "Database may be already in use": another process has the file open. */
    static final int IN_USE = 90020;
    private static final Pattern QUOTED_FILE = Pattern.compile("\"([^\"]+)\"");

    @Override
    public ConnectorException translate(SQLException e, String sql) {
        ErrorKind kind = kindOf(e.getErrorCode(), e.getSQLState());
        String message = e.getErrorCode() == IN_USE ? inUse(e.getMessage()) : readable(e.getMessage());
        Integer position = sql == null ? null : position(e.getMessage(), sql);
        return new ConnectorException(kind, message, position, e.getSQLState(), e);
    }

    static ErrorKind kindOf(int code, String state) {
        return switch (code) {
            case 42000, 42001, 42602, 90008, 22018, 22001, 22003, 22007, 23502, 23503, 23505, 23506, 23513,
                    90012, 90054 -> ErrorKind.SYNTAX;
            case 42101, 42111, 42121 -> ErrorKind.SYNTAX;
            case 42102, 42103, 42104, 42122, 90013, 90146, 90079, 90036, 90022 -> ErrorKind.NOT_FOUND;
            case 57014 -> ErrorKind.CANCELLED;
            case 28000 -> ErrorKind.AUTHENTICATION;
            case 90096 -> ErrorKind.PERMISSION;
            case 90097 -> ErrorKind.READ_ONLY_VIOLATION;
            case 50200 -> ErrorKind.TIMEOUT;
            case 90067 -> ErrorKind.NETWORK;
            case IN_USE -> ErrorKind.IN_USE;
            // the statement's own fault, as for PostgreSQL: syntax or access (42), data such as a division by
            // zero or a bad date (22), constraints (23), unsupported features (0A), dependent objects (2B)
            default -> state != null && (state.startsWith("42") || state.startsWith("22") || state.startsWith("23")
                    || state.startsWith("0A") || state.startsWith("2B")) ? ErrorKind.SYNTAX : ErrorKind.INTERNAL;
        };
    }

    /**
     * H2 lets one program at a time open a database file, and its own advice ("use the server mode")
     * does not apply to Sextant; say what is going on and what to do instead.
     */
    static String inUse(String raw) {
        Matcher file = QUOTED_FILE.matcher(raw == null ? "" : raw);
        String which = file.find() ? " " + file.group(1) : "";
        return "The H2 database file" + which + " is open in another program, for example Sextant's window or a "
                + "command that is still running. An H2 file can be used by one program at a time: close it there, "
                + "or run the statement there.";
    }

    /** The message without H2's repetition of the statement and its error-code suffix. */
    static String readable(String raw) {
        if (raw == null || raw.isBlank()) {
            return "The database reported an error without a message.";
        }
        String msg = raw;
        int tail = msg.indexOf("; SQL statement:");
        if (tail >= 0) {
            msg = msg.substring(0, tail);
        }
        msg = unescape(CODE_SUFFIX.matcher(msg).replaceFirst("").trim());
        if (msg.length() > MAX_MESSAGE) {
            msg = msg.substring(0, MAX_MESSAGE) + "…";
        }
        return msg;
    }

    /** H2 writes control characters of the statement as {@code \\000a} in its messages. */
    static String unescape(String text) {
        Matcher m = ESCAPED.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * For "Table "X" not found" and similar messages without a marker: the first place the named
     * object appears in the statement as a whole word, ignoring case.
     */
    private static Integer namedObjectPosition(String raw, String sql) {
        Matcher quoted = Pattern.compile("^[^\"]*\"([^\"]+)\"").matcher(raw);
        if (!quoted.find()) {
            return null;
        }
        String name = quoted.group(1);
        Matcher inSql = Pattern.compile("(?<![\\w$])\"?" + Pattern.quote(name) + "\"?(?![\\w$])",
                Pattern.CASE_INSENSITIVE).matcher(sql);
        return inSql.find() ? inSql.start() : null;
    }

    /**
     * Finds where {@code [*]} sits in the statement: the text before the marker (inside the quoted SQL)
     * is matched against the submitted SQL, so the offset is in the user's own text.
     */
    static Integer position(String raw, String sql) {
        if (raw == null) {
            return null;
        }
        int marker = raw.indexOf(MARKER);
        if (marker < 0) {
            return namedObjectPosition(raw, sql);
        }
        int open = raw.lastIndexOf('"', marker);
        while (open > 0 && raw.charAt(open - 1) == '"') {
            open = raw.lastIndexOf('"', open - 2);
        }
        if (open < 0) {
            return null;
        }
        String before = unescape(raw.substring(open + 1, marker)).replace("\"\"", "\"");
        int at = sql.indexOf(before);
        if (at >= 0 && sql.indexOf(before, at + 1) < 0) {
            return Math.min(at + before.length(), sql.length());
        }
        // H2 may print the statement trimmed; fall back to the marker's offset when it fits.
        int offset = before.length();
        Matcher lead = Pattern.compile("^\\s*").matcher(sql);
        if (lead.find()) {
            offset += lead.end();
        }
        return offset <= sql.length() ? offset : null;
    }
}
