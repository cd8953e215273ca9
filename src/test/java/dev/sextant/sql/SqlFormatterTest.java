package dev.sextant.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SqlFormatterTest {

    private static List<String> significant(String sql) {
        return SqlLexer.tokenize(sql, Syntax.POSTGRESQL).stream().filter(t -> t.type() != TokenType.WHITESPACE)
                .map(t -> t.type() == TokenType.WORD ? t.text(sql).toUpperCase(Locale.ROOT) : t.text(sql)).toList();
    }

    @Test
    void layoutPutsClausesOnTheirOwnLines() {
        String formatted = SqlFormatter.format("select a, count(*) from t left join u on u.id = t.id where a > 1 and b = 'x  y' group by a order by 2 desc", Syntax.POSTGRESQL);
        assertThat(formatted).isEqualTo("""
                SELECT
                    a,
                    count(*)
                FROM t
                LEFT JOIN u
                    ON u.id = t.id
                WHERE a > 1
                    AND b = 'x  y'
                GROUP BY
                    a
                ORDER BY
                    2 DESC""");
    }

    @Test
    void onlyWhitespaceAndKeywordCaseChange() {
        String sql = "with x as (select $$ keep   this $$ as b, \"Mixed Case\" from t -- note\n where y = :p) select * from x;select 2";
        String formatted = SqlFormatter.format(sql, Syntax.POSTGRESQL);
        assertThat(significant(formatted)).isEqualTo(significant(sql));
        assertThat(formatted).contains("$$ keep   this $$", "\"Mixed Case\"", "-- note\n");
        assertThat(SqlFormatter.format(formatted, Syntax.POSTGRESQL)).isEqualTo(formatted);
    }

    @Test
    void linesAreCommentedAndUncommented() {
        String text = "SELECT 1\n  FROM t\nWHERE x";
        LineComments.Edit edit = LineComments.toggle(text, 3, text.indexOf("FROM") + 2);
        String commented = text.substring(0, edit.from()) + edit.replacement() + text.substring(edit.to());
        assertThat(commented).isEqualTo("-- SELECT 1\n--   FROM t\nWHERE x");
        LineComments.Edit back = LineComments.toggle(commented, 0, commented.indexOf("WHERE") - 1);
        assertThat(commented.substring(0, back.from()) + back.replacement() + commented.substring(back.to())).isEqualTo(text);
    }
}
