package dev.sextant.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How structured values (BigQuery STRUCT and ARRAY, PostgreSQL arrays) read in a cell and on the clipboard. */
class ValueFormatTest {

    private static Map<String, Object> order() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", "Porto");
        address.put("zip", null);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("name", "Ada \"the\" first");
        order.put("address", address);
        order.put("items", List.of(Map.of("qty", 2L), Map.of("qty", 3L)));
        order.put("total", new BigDecimal("12.50"));
        order.put("paid", true);
        order.put("note", "NULL");
        order.put("at", OffsetDateTime.parse("2024-03-01T09:15:30.123456Z"));
        order.put("day", LocalDate.of(2024, 2, 29));
        order.put("raw", new byte[] {1, 2, (byte) 255});
        return order;
    }

    @Test
    void timesShowTheirSecondsEvenWhenZeroLikeTimestampsDo() {
        assertThat(ValueFormat.format(LocalTime.of(8, 53))).isEqualTo("08:53:00");
        assertThat(ValueFormat.format(LocalTime.of(8, 53, 7, 250_000_000))).isEqualTo("08:53:07.25");
        assertThat(ValueFormat.format(OffsetTime.of(8, 53, 0, 0, ZoneOffset.ofHours(2)))).isEqualTo("08:53:00+02:00");
        assertThat(ValueFormat.format(LocalDateTime.of(2024, 3, 1, 9, 15))).isEqualTo("2024-03-01 09:15:00");
    }

    /** What a cell shows is what Copy and the exports write: a UTC time was "+00:00" here and "Z" there. */
    @Test
    void dateTimesReadInTheCellAsCopiesAndExportsWriteThem() {
        List<Object> values = List.of(
                OffsetDateTime.of(2024, 3, 1, 9, 15, 30, 123_456_000, ZoneOffset.UTC),
                OffsetDateTime.of(2024, 3, 1, 9, 15, 0, 0, ZoneOffset.ofHours(-5)),
                LocalDateTime.of(2024, 3, 1, 9, 15), LocalDate.of(2024, 2, 29), LocalTime.of(23, 59, 59, 500_000_000),
                OffsetTime.of(8, 0, 0, 0, ZoneOffset.UTC));
        for (Object value : values) {
            assertThat(ValueFormat.format(value)).as("%s", value).isEqualTo(dev.sextant.query.export.ExportValues.text(value));
        }
        assertThat(ValueFormat.format(values.get(0))).isEqualTo("2024-03-01 09:15:30.123456+00:00");
    }

    @Test
    void aStructShowsItsFieldNamesAndValuesInOrder() {
        assertThat(ValueFormat.format(order())).isEqualTo("{name: \"Ada \\\"the\\\" first\", address: {city: \"Porto\", zip: NULL}, "
                + "items: [{qty: 2}, {qty: 3}], total: 12.50, paid: true, note: \"NULL\", at: 2024-03-01 09:15:30.123456+00:00, "
                + "day: 2024-02-29, raw: 0x0102ff (3 bytes)}");
    }

    @Test
    void anArrayShowsNullElementsApartFromTheTextNull() {
        assertThat(ValueFormat.format(Arrays.asList("a", null, "NULL"))).isEqualTo("[\"a\", NULL, \"NULL\"]");
        assertThat(ValueFormat.format(List.of(1L, 2L))).isEqualTo("[1, 2]");
        assertThat(ValueFormat.format(List.of())).isEqualTo("[]");
    }

    @Test
    void structsAndArraysAreCopiedAsJson() {
        assertThat(ValueFormat.full(order())).isEqualTo("{\"name\":\"Ada \\\"the\\\" first\",\"address\":{\"city\":\"Porto\",\"zip\":null},"
                + "\"items\":[{\"qty\":2},{\"qty\":3}],\"total\":12.50,\"paid\":true,\"note\":\"NULL\","
                + "\"at\":\"2024-03-01T09:15:30.123456Z\",\"day\":\"2024-02-29\",\"raw\":\"AQL/\"}");
        assertThat(ValueFormat.full(Arrays.asList("line\nbreak", null, Double.NaN, 1.5))).isEqualTo("[\"line\\nbreak\",null,\"NaN\",1.5]");
    }

    @Test
    void aLongStructIsShortenedInTheCellButCopiedWhole() {
        Map<String, Object> wide = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            wide.put("field_" + i, i);
        }
        assertThat(ValueFormat.format(wide)).hasSizeLessThanOrEqualTo(ValueFormat.TEXT_PREVIEW_CHARS + 1).endsWith("…");
        assertThat(ValueFormat.full(wide)).contains("\"field_199\":199").endsWith("}");
    }
}
