package dev.sextant.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TemporalTextTest {

    private static final ZoneOffset PLUS_ONE = ZoneOffset.ofHours(1);

    @Test
    void secondsAreWrittenEvenWhenTheyAreZero() {
        assertThat(TemporalText.of(LocalDateTime.of(2022, 1, 1, 8, 53), 'T')).isEqualTo("2022-01-01T08:53:00");
        assertThat(TemporalText.of(OffsetDateTime.of(2022, 1, 1, 8, 53, 0, 0, PLUS_ONE), 'T'))
                .isEqualTo("2022-01-01T08:53:00+01:00");
        assertThat(TemporalText.of(LocalTime.of(8, 0), 'T')).isEqualTo("08:00:00");
        assertThat(TemporalText.of(OffsetTime.of(8, 0, 0, 0, PLUS_ONE), 'T')).isEqualTo("08:00:00+01:00");
        assertThat(TemporalText.of(Instant.parse("2022-01-01T08:53:00Z"), 'T')).isEqualTo("2022-01-01T08:53:00+00:00");
        // what Java's own text gives, and what a column must not mix with 08:53:07
        assertThat(LocalTime.of(8, 0).toString()).isEqualTo("08:00");
    }

    @Test
    void aFractionIsWrittenOnlyAsLongAsTheValueNeeds() {
        assertThat(TemporalText.of(LocalDateTime.of(2022, 1, 1, 8, 53, 7, 500_000_000), 'T')).isEqualTo("2022-01-01T08:53:07.5");
        assertThat(TemporalText.of(LocalTime.of(8, 53, 7, 123_456_000), 'T')).isEqualTo("08:53:07.123456");
        assertThat(TemporalText.of(LocalTime.of(23, 59, 59, 999_999_999), 'T')).isEqualTo("23:59:59.999999999");
    }

    @Test
    void theSeparatorGoesBetweenDateAndTimeOnly() {
        assertThat(TemporalText.of(LocalDateTime.of(2022, 1, 1, 8, 53), ' ')).isEqualTo("2022-01-01 08:53:00");
        assertThat(TemporalText.of(OffsetDateTime.of(2022, 1, 1, 8, 53, 0, 0, ZoneOffset.UTC), ' '))
                .isEqualTo("2022-01-01 08:53:00+00:00");
        assertThat(TemporalText.of(ZonedDateTime.of(2022, 7, 1, 8, 53, 0, 0, ZoneId.of("Europe/Paris")), ' '))
                .isEqualTo("2022-07-01 08:53:00+02:00");
        assertThat(TemporalText.of(LocalDate.of(2022, 1, 1), ' ')).isEqualTo("2022-01-01");
    }

    @Test
    void utcIsAnOffsetLikeAnyOtherNeverZ() {
        assertThat(TemporalText.of(OffsetDateTime.of(2022, 1, 1, 8, 53, 7, 250_000_000, ZoneOffset.UTC), 'T'))
                .isEqualTo("2022-01-01T08:53:07.25+00:00");
        assertThat(TemporalText.of(OffsetTime.of(8, 0, 0, 0, ZoneOffset.UTC), ' ')).isEqualTo("08:00:00+00:00");
        assertThat(TemporalText.of(ZonedDateTime.of(2022, 1, 1, 8, 53, 0, 0, ZoneId.of("UTC")), ' '))
                .isEqualTo("2022-01-01 08:53:00+00:00");
        // an offset with seconds (a historic local mean time) keeps them
        assertThat(TemporalText.of(OffsetDateTime.of(1890, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(0, 9, 21)), ' '))
                .isEqualTo("1890-01-01 00:00:00+00:09:21");
        // what it is for: the text parses back to the same instant
        assertThat(OffsetDateTime.parse(TemporalText.of(OffsetDateTime.of(2022, 1, 1, 8, 53, 0, 0, ZoneOffset.UTC), 'T')))
                .isEqualTo(OffsetDateTime.of(2022, 1, 1, 8, 53, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void anythingElseIsNotItsToSay() {
        assertThat(TemporalText.of("08:53", 'T')).isNull();
        assertThat(TemporalText.of(42, ' ')).isNull();
        assertThat(TemporalText.of(null, ' ')).isNull();
    }
}
