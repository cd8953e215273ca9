package dev.sextant.cli;

/**
 * How many terminal columns a text takes: two for the wide characters of Chinese, Japanese and Korean (and
 * for emoji), none for combining marks and format characters, one for the rest. Aligning tables by
 * {@code String.length()} would push every column after a Japanese name out of line, and cutting a text
 * there could split a character in two.
 */
final class TerminalWidth {

    private TerminalWidth() {
    }

    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    static int of(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || codePoint == 0x200B) {
            return 0;
        }
        return wide(codePoint) ? 2 : 1;
    }

    /** The East Asian wide and full-width blocks, and the emoji blocks terminals draw two columns wide. */
    private static boolean wide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F
                || cp >= 0x2E80 && cp <= 0x303E
                || cp >= 0x3041 && cp <= 0x33FF
                || cp >= 0x3400 && cp <= 0x4DBF
                || cp >= 0x4E00 && cp <= 0x9FFF
                || cp >= 0xA000 && cp <= 0xA4CF
                || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF
                || cp >= 0xFE30 && cp <= 0xFE4F
                || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6
                || cp >= 0x1F300 && cp <= 0x1F64F
                || cp >= 0x1F900 && cp <= 0x1F9FF
                || cp >= 0x20000 && cp <= 0x3FFFD;
    }

    /** The text padded with spaces to {@code width} columns (unchanged when it is as wide or wider). */
    static String pad(String text, int width) {
        int missing = width - of(text);
        return missing <= 0 ? text : text + " ".repeat(missing);
    }

    /** The text cut to at most {@code width} columns, with "…" as its last column when cut; whole characters only. */
    static String cut(String text, int width) {
        if (of(text) <= width) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = of(cp);
            if (used + w > width - 1) {
                break;
            }
            kept.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return kept.append('…').toString();
    }
}
