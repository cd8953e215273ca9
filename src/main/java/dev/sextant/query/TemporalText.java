package dev.sextant.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Dates and times as text at one precision whatever the value: ISO-8601 fields, the seconds always, and a
 * fraction of a second only as long as the value needs. Java's own {@code toString} leaves the seconds out
 * when they are zero, which would make one column read {@code 08:53} in a row and {@code 08:53:07} in the
 * next. Every output of results (the grid, copies, exports, the command line, the MCP server) writes its
 * dates and times through here.
 */
public final class TemporalText {

    private TemporalText() {
    }

    /**
     * The value as text, or null when it is not a date or time.
     *
     * @param separator what goes between a date and its time: {@code 'T'} as ISO-8601 writes it (JSON, the
     *                  command line), or {@code ' '} as SQL and spreadsheets do
     */
    public static String of(Object value, char separator) {
        String text;
        if (value instanceof LocalDateTime t) {
            text = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
        } else if (value instanceof OffsetDateTime t) {
            text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        } else if (value instanceof ZonedDateTime t) {
            text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        } else if (value instanceof Instant t) {
            text = DateTimeFormatter.ISO_INSTANT.format(t);
        } else if (value instanceof LocalTime t) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
        } else if (value instanceof OffsetTime t) {
            return DateTimeFormatter.ISO_OFFSET_TIME.format(t);
        } else if (value instanceof LocalDate d) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(d);
        } else {
            return null;
        }
        // the only letter these forms hold is the T between date and time ('Z' comes after it)
        return separator == 'T' ? text : text.replace('T', separator);
    }
}
