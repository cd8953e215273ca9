package dev.sextant.testing;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * What every benchmark prints and how it takes a figure: medians of repeated runs, milliseconds, and
 * report lines that start with {@code [benchmark]} so they can be found in Maven's output.
 */
public final class Bench {

    private Bench() {
    }

    /** The median of {@code runs} measurements, each in nanoseconds. */
    public static long median(int runs, LongSupplier nanos) {
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            t[i] = nanos.getAsLong();
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    /** Nanoseconds as milliseconds with one decimal, e.g. "1,234.5 ms". */
    public static String ms(long nanos) {
        return String.format("%,.1f ms", nanos / 1e6);
    }

    public static void report(String line) {
        System.out.println("[benchmark] " + line);
    }
}
