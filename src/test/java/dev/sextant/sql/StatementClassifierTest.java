package dev.sextant.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementClassifierTest {

    private static boolean changes(String sql) {
        return StatementClassifier.classify(sql, Syntax.POSTGRESQL).changes();
    }

    @Test
    void readsAreLetThrough() {
        assertThat(changes("SELECT * FROM t WHERE note = 'DELETE FROM x'")).isFalse();
        assertThat(changes("  -- drop table t\n  select 1")).isFalse();
        assertThat(changes("WITH a AS (SELECT 1) SELECT * FROM a")).isFalse();
        assertThat(changes("SELECT * FROM t FOR UPDATE")).isFalse();
        assertThat(changes("EXPLAIN SELECT 1")).isFalse();
        assertThat(changes("(SELECT 1) UNION (SELECT 2)")).isFalse();
        assertThat(changes("SHOW search_path")).isFalse();
        assertThat(changes("SET search_path = x")).isFalse();
        assertThat(changes("SELECT ARRAY(SELECT 1 INTO)")).isFalse();
    }

    @Test
    void writesAndSchemaChangesAsk() {
        assertThat(changes("delete from t")).isTrue();
        assertThat(changes("UPDATE t SET a = 1")).isTrue();
        assertThat(changes("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d")).isTrue();
        assertThat(changes("SELECT * INTO copy FROM t")).isTrue();
        assertThat(changes("EXPLAIN ANALYZE DELETE FROM t")).isTrue();
        assertThat(changes("DO $$ BEGIN END $$")).isTrue();
        assertThat(changes("VACUUM t")).isTrue();
        assertThat(changes("SET TRANSACTION READ WRITE")).isTrue();
        assertThat(changes("frobnicate everything")).isTrue();
        assertThat(StatementClassifier.classify("drop table t", Syntax.POSTGRESQL).verb()).isEqualTo("DROP TABLE");
    }
}
