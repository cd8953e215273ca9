package dev.sextant.ui.editor;

import java.util.Locale;

/** Byte counts as people read them, in powers of 1024 as BigQuery bills them: "1.50 GB". */
final class Bytes {

    private Bytes() {
    }

    static String format(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%,d B", bytes) : String.format(Locale.ROOT, "%.2f %s", v, units[unit]);
    }
}
