package dev.sextant.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.schema.Column;
import dev.sextant.schema.DatabaseSchema;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SqlCompleterTest {

    private static Table table(String schema, String name, String... columns) {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            cols.add(new Column(columns[i], i + 1, i == 0 ? "bigint" : "text", true, "", "", List.of()));
        }
        return new Table(schema, name, ObjectKind.TABLE, "", "", cols, null, List.of(), List.of(), -1);
    }

    private static SqlCompleter completer(Syntax syntax, Schema... schemas) {
        return new SqlCompleter(new SchemaIndex(new DatabaseSchema("", "", List.of(schemas)), syntax),
                name -> name.matches("[a-z_][a-z0-9_]*") ? name : '"' + name + '"');
    }

    private static final Schema PUBLIC = new Schema(new SchemaRef("", "public", ""),
            List.of(table("public", "orders", "id", "customer_id", "ordered_at", "status"),
                    table("public", "customers", "id", "full_name", "email")), List.of(), List.of());
    private static final Schema SALES = new Schema(new SchemaRef("", "sales", ""),
            List.of(table("sales", "invoices", "id", "amount", "Paid At")), List.of(), List.of());

    private static List<String> labels(Completions c) {
        return c.items().stream().map(Completion::label).toList();
    }

    private static Completions at(SqlCompleter completer, String textWithCaret) {
        int caret = textWithCaret.indexOf('|');
        return completer.complete(textWithCaret.replace("|", ""), caret);
    }

    @Test
    void columnsThroughAnAlias() {
        SqlCompleter c = completer(Syntax.POSTGRESQL, PUBLIC, SALES);
        Completions result = at(c, "SELECT o.| FROM orders o JOIN customers AS cu ON cu.id = o.customer_id");
        assertThat(labels(result)).containsExactly("id", "customer_id", "ordered_at", "status");
        Completions prefixed = at(c, "SELECT cu.fu| FROM orders o JOIN customers AS cu ON cu.id = o.customer_id");
        assertThat(labels(prefixed)).containsExactly("full_name");
        assertThat(prefixed.replaceFrom()).isEqualTo("SELECT cu.".length());
    }

    @Test
    void tablesAfterFromAndJoinAndSchemaQualifiedNames() {
        SqlCompleter c = completer(Syntax.POSTGRESQL, PUBLIC, SALES);
        assertThat(labels(at(c, "SELECT * FROM |"))).contains("orders", "customers", "invoices", "public", "sales");
        assertThat(at(c, "SELECT * FROM orders o JOIN inv|").items()).first()
                .satisfies(i -> assertThat(i.insert()).isEqualTo("sales.invoices"));
        assertThat(labels(at(c, "SELECT * FROM sales.|"))).containsExactly("invoices");
        assertThat(at(c, "SELECT i.| FROM sales.invoices i").items()).extracting(Completion::insert)
                .containsExactly("id", "amount", "\"Paid At\"");
        assertThat(labels(at(c, "SELECT * FROM a, cu|"))).containsExactly("customers");
    }

    @Test
    void elsewhereColumnsInScopeThenKeywordsAndFunctions() {
        SqlCompleter c = completer(Syntax.POSTGRESQL, PUBLIC, SALES);
        Completions result = at(c, "SELECT st| FROM orders; SELECT 1");
        assertThat(labels(result)).startsWith("status").contains("STRING_AGG", "STRPOS");
        Completions second = at(c, "SELECT 1 FROM customers;\nSELECT em| FROM customers c");
        assertThat(labels(second)).startsWith("email");
    }

    @Test
    void bigQueryBacktickTables() {
        Schema ds = new Schema(new SchemaRef("proj", "shop", ""), List.of(table("shop", "orders", "id", "country")),
                List.of(), List.of());
        SqlCompleter c = completer(Syntax.BIGQUERY, ds);
        assertThat(labels(at(c, "SELECT o.c| FROM `proj.shop.orders` AS o"))).containsExactly("country");
        assertThat(labels(at(c, "SELECT * FROM shop.|"))).containsExactly("orders");
    }

    @Test
    void aFiftyThousandTableSchemaStillAnswersPrefixesInOrder() {
        List<Schema> schemas = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            List<Table> tables = new ArrayList<>();
            for (int t = 0; t < 5_000; t++) {
                tables.add(table("s" + s, "t" + t, "id", "value_" + t));
            }
            schemas.add(new Schema(new SchemaRef("", "s" + s, ""), tables, List.of(), List.of()));
        }
        long built = System.nanoTime();
        SchemaIndex index = new SchemaIndex(new DatabaseSchema("", "", schemas), Syntax.POSTGRESQL);
        long ready = System.nanoTime();
        SqlCompleter c = new SqlCompleter(index, n -> n);
        Completions result = at(c, "SELECT x.| FROM s7.t4999 x JOIN s1.t12 y ON true");
        long answered = System.nanoTime();
        assertThat(index.tableCount()).isEqualTo(50_000);
        assertThat(labels(result)).containsExactly("id", "value_4999");
        assertThat(labels(at(c, "SELECT * FROM t4999|"))).hasSize(10).allMatch(l -> l.equals("t4999"));
        LoggerFactory.getLogger(SqlCompleterTest.class).info("50,000 tables: index built in {} ms, first answer in {} µs",
                (ready - built) / 1_000_000, (answered - ready) / 1_000);
    }
}
