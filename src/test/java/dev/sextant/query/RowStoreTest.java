package dev.sextant.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowStoreTest {

    @TempDir
    Path spill;

    private static List<Object[]> rows(long from, int count) {
        List<Object[]> out = new ArrayList<>();
        for (long i = from; i < from + count; i++) {
            out.add(new Object[] {i, "row " + i, i % 7 == 0 ? null : new BigDecimal(i).movePointLeft(2),
                    LocalDate.of(2024, 1, 1).plusDays(i % 365), new byte[] {(byte) i}, List.of(i, i + 1)});
        }
        return out;
    }

    @Test
    void memoryStaysBoundedAndEveryRowComesBackIntact() throws Exception {
        try (RowStore store = new RowStore(1_000, spill)) {
            for (int i = 0; i < 100; i++) {
                store.append(rows(i * 1000L, 1000));
                assertThat(store.rowsInMemory()).isLessThanOrEqualTo(1_000 + RowStore.BLOCK_ROWS);
            }
            assertThat(store.size()).isEqualTo(100_000);

            Object[] first = store.rows(0, 1).get(0);
            assertThat(first[0]).isEqualTo(0L);
            assertThat(first[1]).isEqualTo("row 0");
            assertThat(first[2]).isNull();
            List<Object[]> middle = store.rows(54_321, 3);
            assertThat(middle).extracting(r -> r[0]).containsExactly(54_321L, 54_322L, 54_323L);
            assertThat(middle.get(0)[2]).isEqualTo(new BigDecimal("543.21"));
            assertThat(middle.get(0)[3]).isEqualTo(LocalDate.of(2024, 1, 1).plusDays(54_321 % 365));
            assertThat((byte[]) middle.get(0)[4]).containsExactly((byte) 54_321);
            assertThat(middle.get(0)[5]).isEqualTo(List.of(54_321L, 54_322L));
            assertThat(store.rowsInMemory()).isLessThanOrEqualTo(1_000 + RowStore.BLOCK_ROWS);
            try (Stream<Path> files = Files.list(spill)) {
                assertThat(files.count()).isEqualTo(1);
            }
        }
        try (Stream<Path> files = Files.list(spill)) {
            assertThat(files.count()).as("the spill file is deleted on close").isZero();
        }
    }

    @Test
    void rangesCrossBlocksAndStopAtTheEnd() {
        try (RowStore store = new RowStore(200, spill)) {
            store.append(rows(0, 250));
            assertThat(store.rows(90, 20)).extracting(r -> r[0]).containsExactlyElementsOf(
                    java.util.stream.LongStream.range(90, 110).boxed().toList());
            assertThat(store.rows(240, 100)).hasSize(10);
            assertThat(store.rows(300, 10)).isEmpty();
        }
    }

    @Test
    void aBlockReadBackAndAppendedToIsWrittenAgain() {
        try (RowStore store = new RowStore(200, spill)) {
            store.append(rows(0, 150));      // block 1 holds 50 rows
            store.append(rows(150, 500));    // block 1 fills up, gets evicted later
            store.rows(0, 1);                // reload block 0
            assertThat(store.rows(100, 100)).extracting(r -> r[0]).containsExactlyElementsOf(
                    java.util.stream.LongStream.range(100, 200).boxed().toList());
        }
    }
}
