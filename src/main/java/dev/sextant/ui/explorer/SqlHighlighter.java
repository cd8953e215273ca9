package dev.sextant.ui.explorer;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A small SQL highlighter for read-only definitions: keywords, strings, quoted names, numbers and
 * comments. It reads no dialect; the editor has its own, fuller highlighter.
 */
final class SqlHighlighter {

    private static final Set<String> KEYWORDS = Set.of("ADD", "ALTER", "AND", "AS", "ASC", "BEGIN", "BETWEEN", "BY",
            "CASCADE", "CASE", "CHECK", "COLUMN", "COMMENT", "CONSTRAINT", "CREATE", "CROSS", "DEFAULT", "DELETE",
            "DESC", "DISTINCT", "DOMAIN", "DROP", "EACH", "ELSE", "END", "ENUM", "EXECUTE", "EXISTS", "FALSE",
            "FOR", "FOREIGN", "FROM", "FULL", "FUNCTION", "GENERATED", "GROUP", "HAVING", "IF", "IN", "INCREMENT",
            "INDEX", "INNER", "INSERT", "INTO", "IS", "JOIN", "KEY", "LANGUAGE", "LEFT", "LIKE", "LIMIT",
            "MATERIALIZED", "NOT", "NULL", "OF", "ON", "OR", "ORDER", "OUTER", "PARTITION", "PRIMARY", "PROCEDURE",
            "REFERENCES", "RETURN", "RETURNS", "RIGHT", "ROW", "SELECT", "SEQUENCE", "SERVER", "SET", "START",
            "STORED", "TABLE", "THEN", "TO", "TRIGGER", "TRUE", "TYPE", "UNION", "UNIQUE", "UPDATE", "USING",
            "VALUES", "VIEW", "WHEN", "WHERE", "WITH", "AFTER", "BEFORE", "INSTEAD", "OPTIONS",
            "ALWAYS", "IDENTITY", "DECLARE", "OVER", "WINDOW", "ALL", "ANY", "SOME", "LATERAL", "ONLY");

    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>--[^\\n]*|/\\*(?s:.*?)\\*/)"
                    + "|(?<STRING>'(?:[^']|'')*'|\\$\\$(?s:.*?)\\$\\$)"
                    + "|(?<QUOTED>\"(?:[^\"]|\"\")*\"|`[^`]*`)"
                    + "|(?<NUMBER>\\b\\d+(?:\\.\\d+)?\\b)"
                    + "|(?<WORD>\\b[A-Za-z_][A-Za-z0-9_]*\\b)");

    private SqlHighlighter() {
    }

    static StyleSpans<Collection<String>> spans(String text) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        Matcher m = TOKENS.matcher(text);
        int last = 0;
        while (m.find()) {
            String style = m.group("COMMENT") != null ? "sql-comment"
                    : m.group("STRING") != null ? "sql-string"
                    : m.group("QUOTED") != null ? "sql-quoted"
                    : m.group("NUMBER") != null ? "sql-number"
                    : KEYWORDS.contains(m.group("WORD").toUpperCase(Locale.ROOT)) ? "sql-keyword" : null;
            if (style == null) {
                continue;
            }
            builder.add(Collections.emptyList(), m.start() - last);
            builder.add(List.of(style), m.end() - m.start());
            last = m.end();
        }
        builder.add(Collections.emptyList(), text.length() - last);
        return builder.create();
    }
}
