package dev.sextant.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The type the user gives a parameter's value in the parameter form. The database compares typed values
 * ({@code WHERE id = ?} with text fails on PostgreSQL), so the text typed is turned into the Java value
 * the driver binds with that type.
 */
public enum ParameterType {
    TEXT("Text"), INTEGER("Integer"), DECIMAL("Decimal"), BOOLEAN("Boolean"), DATE("Date"),
    TIMESTAMP("Timestamp"), TIMESTAMP_TZ("Timestamp with time zone"), NULL("NULL");

    private final String label;

    ParameterType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The value to bind for the text typed.
     *
     * @throws IllegalArgumentException with a message for the form when the text does not fit the type
     */
    public Object convert(String text) {
        String t = text == null ? "" : text.strip();
        try {
            return switch (this) {
                case TEXT -> text == null ? "" : text;
                case INTEGER -> Long.parseLong(t.replace("_", ""));
                case DECIMAL -> new BigDecimal(t);
                case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
                    case "true", "t", "yes", "1" -> Boolean.TRUE;
                    case "false", "f", "no", "0" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("Enter true or false.");
                };
                case DATE -> LocalDate.parse(t);
                case TIMESTAMP -> LocalDateTime.parse(t.replace(' ', 'T'));
                case TIMESTAMP_TZ -> OffsetDateTime.parse(t.replace(' ', 'T'));
                case NULL -> null;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' is not " + (this == INTEGER ? "a whole number." : "a number."));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + t + "' is not a " + label.toLowerCase(Locale.ROOT) + " (write it as "
                    + switch (this) {
                        case DATE -> "2024-05-31";
                        case TIMESTAMP -> "2024-05-31 13:45:00";
                        default -> "2024-05-31 13:45:00+02:00";
                    } + ").");
        }
    }

    /** A first guess for a value nobody typed a type for: whole numbers are integers, the rest text. */
    public static ParameterType guess(String text) {
        String t = text == null ? "" : text.strip();
        if (t.matches("-?\\d{1,18}")) {
            return INTEGER;
        }
        if (t.matches("-?\\d+\\.\\d+")) {
            return DECIMAL;
        }
        if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return DATE;
        }
        return TEXT;
    }
}
