package dev.sextant.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterizedSqlTest {

    private static List<String> names(String sql, Syntax syntax) {
        return ParameterizedSql.of(sql, syntax).names();
    }

    @Test
    void findsEachKindOfPostgresParameter() {
        assertThat(names("SELECT * FROM t WHERE a = ? AND b = ?", Syntax.POSTGRESQL)).containsExactly("?1", "?2");
        assertThat(names("SELECT * FROM t WHERE a = $1 OR b = $2 OR c = $1", Syntax.POSTGRESQL)).containsExactly("$1", "$2");
        assertThat(names("SELECT * FROM t WHERE a = :id AND b IN (:id, :other)", Syntax.POSTGRESQL)).containsExactly(":id", ":other");
    }

    @Test
    void ignoresWhatOnlyLooksLikeAParameter() {
        String tricky = """
                -- is this ? a parameter :no
                /* nor $1 /* nested ? */ :here */
                SELECT 'it''s ?' AS q, E'\\' ?' AS e, "col?" , x::int, y::text[], data ? 'key', data ?| array['a'],
                       data ?& array['b'], arr[1:2], arr[lo:hi], $$ body with ? and :name and $1 $$, $fn$ ? $fn$
                FROM t WHERE a := 1""";
        assertThat(names(tricky, Syntax.POSTGRESQL)).isEmpty();
    }

    @Test
    void aJsonbOperatorAfterAParameterStaysAnOperator() {
        ParameterizedSql p = ParameterizedSql.of("SELECT * FROM t WHERE doc ? $1 AND flag = :f", Syntax.POSTGRESQL);
        assertThat(p.names()).containsExactly("$1", ":f");
        ParameterizedSql.Bound bound = p.bind(Map.of("$1", "k", ":f", true));
        assertThat(bound.sql()).isEqualTo("SELECT * FROM t WHERE doc ?? ? AND flag = ?");
        assertThat(bound.values()).containsExactly("k", true);
    }

    @Test
    void rewritesToQuestionMarksAndMapsPositionsBack() {
        String sql = "SELECT $1 + :offset, data ?| array[:k] FROM t WHERE x = $1";
        ParameterizedSql p = ParameterizedSql.of(sql, Syntax.POSTGRESQL);
        ParameterizedSql.Bound bound = p.bind(Map.of("$1", 5L, ":offset", 2L, ":k", "a"));
        assertThat(bound.sql()).isEqualTo("SELECT ? + ?, data ??| array[?] FROM t WHERE x = ?");
        assertThat(bound.values()).containsExactly(5L, 2L, "a", 5L);
        // "FROM" in the rewritten text maps back onto "FROM" in the original
        assertThat(bound.toOriginal(bound.sql().indexOf("FROM"))).isEqualTo(sql.indexOf("FROM"));
        assertThat(bound.toOriginal(bound.sql().indexOf("x = ?"))).isEqualTo(sql.indexOf("x = $1"));
        assertThat(bound.toOriginal(3)).isEqualTo(3);
    }

    @Test
    void h2TakesQuestionMarksNumberedOnesAndNames() {
        assertThat(names("SELECT ?1, ?2, ?1 FROM DUAL WHERE X = :name", Syntax.H2)).containsExactly("?1", "?2", ":name");
        ParameterizedSql.Bound bound = ParameterizedSql.of("SELECT ?1, ?1", Syntax.H2).bind(Map.of("?1", 7));
        assertThat(bound.sql()).isEqualTo("SELECT ?, ?");
        assertThat(bound.values()).containsExactly(7, 7);
    }

    @Test
    void bigQueryNamedParametersAreBoundByName() {
        String sql = "SELECT @@project_id, '@not', `tbl@x`, \"\"\" @nor \"\"\" FROM d.t WHERE c = @country AND y > @year -- @no";
        ParameterizedSql p = ParameterizedSql.of(sql, Syntax.BIGQUERY);
        assertThat(p.names()).containsExactly("@country", "@year");
        ParameterizedSql.Bound bound = p.bind(Map.of("@country", "DE", "@year", 2020L));
        assertThat(bound.sql()).isEqualTo(sql);
        assertThat(bound.values()).containsExactly(new AbstractMap.SimpleImmutableEntry<>("country", "DE"),
                new AbstractMap.SimpleImmutableEntry<>("year", 2020L));
    }

    @Test
    void bigQueryRefusesAMixOfNamedAndPositional() {
        ParameterizedSql p = ParameterizedSql.of("SELECT @a, ?", Syntax.BIGQUERY);
        assertThatThrownBy(() -> p.bind(Map.of("@a", 1, "?1", 2))).hasMessageContaining("does not take named");
    }

    @Test
    void aMissingValueIsNamed() {
        assertThatThrownBy(() -> ParameterizedSql.of("SELECT :a", Syntax.POSTGRESQL).bind(Map.of()))
                .hasMessage("No value for parameter :a.");
    }

    @Test
    void typedValuesConvertOrExplain() {
        assertThat(ParameterType.INTEGER.convert("1_000")).isEqualTo(1000L);
        assertThat(ParameterType.DECIMAL.convert("12.50")).isEqualTo(new java.math.BigDecimal("12.50"));
        assertThat(ParameterType.DATE.convert("2024-02-29")).isEqualTo(java.time.LocalDate.of(2024, 2, 29));
        assertThat(ParameterType.TIMESTAMP.convert("2024-02-29 10:00")).isEqualTo(java.time.LocalDateTime.of(2024, 2, 29, 10, 0));
        assertThat(ParameterType.NULL.convert("anything")).isNull();
        assertThatThrownBy(() -> ParameterType.INTEGER.convert("12a")).hasMessage("'12a' is not a whole number.");
        assertThatThrownBy(() -> ParameterType.DATE.convert("31.12.2024")).hasMessageContaining("2024-05-31");
        assertThat(ParameterType.guess("42")).isEqualTo(ParameterType.INTEGER);
        assertThat(ParameterType.guess("DE")).isEqualTo(ParameterType.TEXT);
    }
}
