package dev.sextant.ui;

import java.util.Locale;

/** Byte counts as people read them, in powers of 1024 as BigQuery bills them: "1.50 GB". */
public final class Bytes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private Bytes() {
    }

    /** With two decimals, e.g. "1.50 GB" (an estimate next to a cap, where the digits matter). */
    public static String format(long bytes) {
        return format(bytes, 2);
    }

    /** With the given number of decimals, e.g. "1.2 MB" in a dense tree row; plain bytes have none. */
    public static String format(long bytes, int decimals) {
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%,d B", bytes)
                : String.format(Locale.ROOT, "%." + decimals + "f %s", v, UNITS[unit]);
    }
}
