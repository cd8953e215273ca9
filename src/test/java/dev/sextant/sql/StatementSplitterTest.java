package dev.sextant.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> split(String script, Syntax syntax) {
        return StatementSplitter.split(script, syntax).stream().map(SqlStatement::text).toList();
    }

    @Test
    void semicolonsInsideStringsCommentsAndBodiesDoNotSplit() {
        String script = """
                SELECT 'a;b' AS "x;y"; -- one; still a comment
                /* two; */ INSERT INTO t VALUES (E'\\';', 1);
                CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;
                DO $$ BEGIN PERFORM 1; END $$;
                ;;
                SELECT 3""";
        assertThat(split(script, Syntax.POSTGRESQL)).containsExactly(
                "SELECT 'a;b' AS \"x;y\"",
                "INSERT INTO t VALUES (E'\\';', 1)",
                "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql",
                "DO $$ BEGIN PERFORM 1; END $$",
                "SELECT 3");
    }

    @Test
    void postgresBeginAtomicBodiesStayWhole() {
        String script = "CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END; "
                + "SELECT 2; END; SELECT g(1)";
        assertThat(split(script, Syntax.POSTGRESQL)).hasSize(2).last().isEqualTo("SELECT g(1)");
        assertThat(split("BEGIN; UPDATE t SET a = 1; COMMIT;", Syntax.POSTGRESQL)).containsExactly("BEGIN", "UPDATE t SET a = 1", "COMMIT");
    }

    @Test
    void bigQueryScriptBlocksStayWhole() {
        String script = """
                DECLARE n INT64 DEFAULT 0;
                # a comment; with a semicolon
                IF n = 0 THEN
                  SET n = 1;
                ELSEIF n > 1 THEN
                  SELECT IF(n > 2, 'a;', "b;");
                END IF;
                WHILE n < 3 DO SET n = n + 1; END WHILE;
                BEGIN
                  SELECT CASE WHEN n = 3 THEN 'x' END;
                EXCEPTION WHEN ERROR THEN SELECT @@error.message;
                END;
                BEGIN TRANSACTION;
                SELECT `proj.ds.t;x`.a FROM `proj.ds.t;x`;
                COMMIT TRANSACTION""";
        List<String> statements = split(script, Syntax.BIGQUERY);
        assertThat(statements).hasSize(7);
        assertThat(statements.get(1)).startsWith("IF n = 0 THEN").endsWith("END IF");
        assertThat(statements.get(2)).isEqualTo("WHILE n < 3 DO SET n = n + 1; END WHILE");
        assertThat(statements.get(3)).startsWith("BEGIN").endsWith("END");
        assertThat(statements.get(4)).isEqualTo("BEGIN TRANSACTION");
        assertThat(statements.get(5)).isEqualTo("SELECT `proj.ds.t;x`.a FROM `proj.ds.t;x`");
    }

    @Test
    void theStatementAtTheCaret() {
        String script = "SELECT 1;\nSELECT 2;\n\nSELECT 3";
        List<SqlStatement> statements = StatementSplitter.split(script, Syntax.H2);
        assertThat(StatementSplitter.atCaret(statements, 0).text()).isEqualTo("SELECT 1");
        assertThat(StatementSplitter.atCaret(statements, script.indexOf("2")).text()).isEqualTo("SELECT 2");
        assertThat(StatementSplitter.atCaret(statements, script.indexOf("2;") + 2).text()).isEqualTo("SELECT 2");
        assertThat(StatementSplitter.atCaret(statements, script.length()).text()).isEqualTo("SELECT 3");
        assertThat(statements.get(1).start()).isEqualTo(10);
    }
}
