package dev.sextant.sql;

/**
 * Comment or uncomment whole lines with {@code --}, as Ctrl+/ does: if every non-blank line of the range
 * is already commented, the comments are removed, else every line gets one.
 */
public final class LineComments {

    /** The lines {@code [from, to)} of the text were replaced by {@code replacement}. */
    public record Edit(int from, int to, String replacement) {
    }

    private LineComments() {
    }

    /** The edit for the lines touched by the selection {@code [selectionStart, selectionEnd]}. */
    public static Edit toggle(String text, int selectionStart, int selectionEnd) {
        int from = text.lastIndexOf('\n', Math.max(0, selectionStart - 1)) + 1;
        if (selectionStart == 0) {
            from = 0;
        }
        int endAnchor = selectionEnd > selectionStart && selectionEnd > 0 && text.charAt(selectionEnd - 1) == '\n'
                ? selectionEnd - 1 : selectionEnd;
        int to = text.indexOf('\n', endAnchor);
        to = to < 0 ? text.length() : to;
        String[] lines = text.substring(from, to).split("\n", -1);
        boolean allCommented = true;
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String stripped = line.stripLeading();
            indent = Math.min(indent, line.length() - stripped.length());
            allCommented &= stripped.startsWith("--");
        }
        if (indent == Integer.MAX_VALUE) {
            indent = 0;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                out.append('\n');
            }
            if (line.isBlank()) {
                out.append(line);
            } else if (allCommented) {
                int at = line.indexOf("--");
                int cut = line.startsWith("-- ", at) ? 3 : 2;
                out.append(line, 0, at).append(line.substring(at + cut));
            } else {
                out.append(line, 0, indent).append("-- ").append(line.substring(indent));
            }
        }
        return new Edit(from, to, out.toString());
    }
}
