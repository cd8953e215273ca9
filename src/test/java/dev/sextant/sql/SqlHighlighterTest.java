package dev.sextant.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlHighlighterTest {

    /** The style of the character at the first occurrence of {@code needle} in {@code text}. */
    private static String styleAt(List<HighlightSpan> spans, String text, String needle) {
        int at = text.indexOf(needle);
        return spans.stream().filter(s -> s.start() <= at && at < s.end()).findFirst().orElseThrow().style();
    }

    @Test
    void spansCoverEveryCharacterInOrder() {
        String sql = "SELECT 1; -- x\nSELECT 'a' FROM \"T\"";
        List<HighlightSpan> spans = SqlHighlighter.highlight(sql, Syntax.POSTGRESQL);
        int at = 0;
        for (HighlightSpan s : spans) {
            assertThat(s.start()).isEqualTo(at);
            at = s.end();
        }
        assertThat(at).isEqualTo(sql.length());
    }

    @Test
    void postgresBodiesCastsAndCommentsGetTheirOwnStyles() {
        String sql = "select count(*), x::int, $$ select 'not code' $$, E'it\\'s' /* select /* nested */ from */ from \"Select\" where id = $1";
        List<HighlightSpan> spans = SqlHighlighter.highlight(sql, Syntax.POSTGRESQL);
        assertThat(styleAt(spans, sql, "select count")).isEqualTo(SqlHighlighter.KEYWORD);
        assertThat(styleAt(spans, sql, "count")).isEqualTo(SqlHighlighter.FUNCTION);
        assertThat(styleAt(spans, sql, "select 'not")).isEqualTo(SqlHighlighter.BODY);
        assertThat(styleAt(spans, sql, "it\\'s")).isEqualTo(SqlHighlighter.STRING);
        assertThat(styleAt(spans, sql, " from */")).isEqualTo(SqlHighlighter.COMMENT);
        assertThat(styleAt(spans, sql, "\"Select\"")).isEqualTo(SqlHighlighter.QUOTED_NAME);
        assertThat(styleAt(spans, sql, "$1")).isEqualTo(SqlHighlighter.PARAMETER);
        assertThat(styleAt(spans, sql, "::")).isEqualTo(SqlHighlighter.OPERATOR);
        assertThat(styleAt(spans, sql, "int,")).isEqualTo(SqlHighlighter.KEYWORD);
    }

    @Test
    void bigQueryBackticksTripleQuotesAndHashComments() {
        String sql = "SELECT `my-project.ds.select`, '''multi\n'line''', r\"\\d+\" # from here\nFROM ds.t WHERE c = @country";
        List<HighlightSpan> spans = SqlHighlighter.highlight(sql, Syntax.BIGQUERY);
        assertThat(styleAt(spans, sql, "`my-project")).isEqualTo(SqlHighlighter.QUOTED_NAME);
        assertThat(styleAt(spans, sql, "'line")).isEqualTo(SqlHighlighter.STRING);
        assertThat(styleAt(spans, sql, "\\d+")).isEqualTo(SqlHighlighter.STRING);
        assertThat(styleAt(spans, sql, "# from")).isEqualTo(SqlHighlighter.COMMENT);
        assertThat(styleAt(spans, sql, "FROM ds")).isEqualTo(SqlHighlighter.KEYWORD);
        assertThat(styleAt(spans, sql, "@country")).isEqualTo(SqlHighlighter.PARAMETER);
    }

    @Test
    void anUnterminatedStringIsMarkedToTheEnd() {
        String sql = "SELECT 'oops FROM t";
        List<HighlightSpan> spans = SqlHighlighter.highlight(sql, Syntax.H2);
        assertThat(styleAt(spans, sql, "FROM")).isEqualTo(SqlHighlighter.UNTERMINATED);
    }
}
