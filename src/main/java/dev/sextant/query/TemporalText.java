package dev.sextant.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/**
 * Dates and times as text at one precision whatever the value: ISO-8601 fields, the seconds always, and a
 * fraction of a second only as long as the value needs. Java's own {@code toString} leaves the seconds out
 * when they are zero, which would make one column read {@code 08:53} in a row and {@code 08:53:07} in the
 * next. An offset is always written as a number, {@code +00:00} for UTC too, never {@code Z}: it reads the
 * same as the other offsets of a column, and Python's {@code datetime.fromisoformat} reads it in every
 * version (it takes {@code Z} only from 3.11 on). Every output of results (the grid, copies, exports, the
 * command line, the MCP server) writes its dates and times through here.
 */
public final class TemporalText {

    private static final String OFFSET = "+HH:MM:ss";
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset(OFFSET, "+00:00").toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_TIME).appendOffset(OFFSET, "+00:00").toFormatter(Locale.ROOT);

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
            text = OFFSET_DATE_TIME.format(t);
        } else if (value instanceof ZonedDateTime t) {
            text = OFFSET_DATE_TIME.format(t);
        } else if (value instanceof Instant t) {
            text = OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
        } else if (value instanceof LocalTime t) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
        } else if (value instanceof OffsetTime t) {
            return OFFSET_TIME.format(t);
        } else if (value instanceof LocalDate d) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(d);
        } else {
            return null;
        }
        // the only letter these forms hold is the T between date and time
        return separator == 'T' ? text : text.replace('T', separator);
    }
}
