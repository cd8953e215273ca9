package dev.sextant.ui.explorer;

import static dev.sextant.testing.Bench.report;

import dev.sextant.schema.Column;
import dev.sextant.schema.DatabaseSchema;
import dev.sextant.schema.Schema;
import dev.sextant.schema.Table;
import dev.sextant.testing.SchemaModels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/**
 * Not a test: how long the schema filter takes to answer on 5,000 tables of 10 columns (55,000 names),
 * from the text to the filtered rows the tree shows, against a baseline measured in the same run: a bare
 * loop that lower-cases every name and looks for the text, building nothing. Run with
 * {@code mvn -Pbenchmark verify}; it prints medians and ratios and asserts nothing about time.
 */
class ExplorerFilterBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 21;

    private static long median(LongSupplier nanos) {
        for (int i = 0; i < WARM_UP; i++) {
            nanos.getAsLong();
        }
        long[] t = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            t[i] = nanos.getAsLong();
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }

    /** Every name the filter looks at, as the baseline sees them. */
    private static List<String> names(Schema schema) {
        List<String> names = new ArrayList<>();
        names.add(schema.name());
        for (Table t : schema.tables()) {
            names.add(t.name());
            for (Column c : t.columns()) {
                names.add(c.name());
            }
        }
        return names;
    }

    @Test
    void run() {
        Schema schema = SchemaModels.large("big", 5_000, 10);
        List<Schema> schemas = List.of(schema);
        List<String> names = names(schema);
        DatabaseSchema model = new DatabaseSchema("", "", schemas);
        report(Runtime.getRuntime().availableProcessors() + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB; " + String.format("%,d", names.size()) + " names; medians of " + RUNS + " runs after " + WARM_UP);
        report("| filter text | matches | filter, rows included | baseline: bare name loop | ratio | find object (search) |");
        for (String text : List.of("t0421", "c05_t042", "c05", "t", "zzz")) {
            int[] matches = new int[1];
            long filter = median(() -> {
                long start = System.nanoTime();
                SchemaFilter.Result result = SchemaFilter.filter(schemas, text, s -> new TreeItem<>(new ExplorerNode(
                        ExplorerNode.Role.SCHEMA, null, s.name(), "", s.ref())));
                matches[0] = result.matches();
                return System.nanoTime() - start;
            });
            long baseline = median(() -> {
                long start = System.nanoTime();
                String needle = text.toLowerCase(Locale.ROOT);
                int hits = 0;
                for (String name : names) {
                    if (name.toLowerCase(Locale.ROOT).contains(needle)) {
                        hits++;
                    }
                }
                if (hits < 0) {
                    throw new IllegalStateException();
                }
                return System.nanoTime() - start;
            });
            long search = median(() -> {
                long start = System.nanoTime();
                model.search(text);
                return System.nanoTime() - start;
            });
            report(String.format("| %s | %,d | %.1f ms | %.1f ms | %.2fx | %.1f ms |", text, matches[0], filter / 1e6,
                    baseline / 1e6, (double) filter / baseline, search / 1e6));
        }
    }
}
