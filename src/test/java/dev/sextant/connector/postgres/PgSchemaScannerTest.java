package dev.sextant.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.sextant.schema.Column;
import dev.sextant.schema.Constraint;
import dev.sextant.schema.ForeignKey;
import dev.sextant.schema.Index;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.PrimaryKey;
import dev.sextant.schema.Routine;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Sequence;
import dev.sextant.schema.Table;
import dev.sextant.schema.Trigger;
import dev.sextant.schema.TypeDef;
import dev.sextant.testing.TestPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PostgreSQL scan against a real server: every object kind of a known fixture, read back exactly. */
class PgSchemaScannerTest {

    private static String db;
    private static boolean fdw;
    private static Connection connection;
    private static Schema shop;

    @BeforeAll
    static void createFixture() throws SQLException {
        db = TestPostgres.newDatabase("pgscan");
        fdw = PgSchemaFixture.hasPostgresFdw(db);
        PgSchemaFixture.create(db, fdw);
        connection = TestPostgres.server().getDatabase("postgres", db).getConnection();
        shop = new PgSchemaScanner(connection).scan(new SchemaRef(db, "shop", "The web shop"));
    }

    @AfterAll
    static void closeConnection() throws SQLException {
        connection.close();
    }

    private static Table table(String name) {
        return shop.table(name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    private static Column column(String name, int position, String type, boolean nullable, String defaultValue,
                                 String comment) {
        return new Column(name, position, type, nullable, defaultValue, comment, List.of());
    }

    @Test
    void listsUserSchemasWithCommentsAndHidesTheServersOwn() throws SQLException {
        try (Statement s = connection.createStatement()) {
            // gives this session pg_temp_N and pg_toast_temp_N, which must stay hidden too
            s.execute("CREATE TEMP TABLE scratch (x int)");
        }
        PgSchemaScanner scanner = new PgSchemaScanner(connection);

        assertThat(scanner.listSchemas(false)).containsExactly(
                new SchemaRef(db, "public", "standard public schema"),
                new SchemaRef(db, "ref", "Reference data"),
                new SchemaRef(db, "shop", "The web shop"));
        List<String> all = scanner.listSchemas(true).stream().map(SchemaRef::name).toList();
        assertThat(all.subList(0, 3)).containsExactly("public", "ref", "shop");
        assertThat(all.subList(3, all.size())).contains("information_schema", "pg_catalog", "pg_toast")
                .anyMatch(n -> n.matches("pg_temp_\\d+")).anyMatch(n -> n.matches("pg_toast_temp_\\d+"))
                .hasSize(all.size() - 3);
    }

    @Test
    void everyRelationKindInNameOrder() {
        List<String> expected = new ArrayList<>(List.of("big_orders:VIEW", "customers:TABLE", "measurements:TABLE",
                "measurements_2024:PARTITION", "measurements_2025:PARTITION", "order_lines:TABLE",
                "order_totals:MATERIALIZED_VIEW", "orders:TABLE", "reading_notes:TABLE"));
        if (fdw) {
            expected.add("remote_stock:EXTERNAL_TABLE");
        }
        assertThat(shop.tables()).extracting(t -> t.name() + ":" + t.kind()).containsExactlyElementsOf(expected);
        assertThat(shop.tables()).allMatch(t -> t.schema().equals("shop"));
        assertThat(shop.ref()).isEqualTo(new SchemaRef(db, "shop", "The web shop"));
    }

    @Test
    void columnsCarryTypesNullabilityDefaultsIdentityAndComments() {
        assertThat(table("customers").columns()).containsExactly(
                column("id", 1, "bigint", false, "GENERATED ALWAYS AS IDENTITY", ""),
                column("email", 2, "character varying(160)", false, "", "Login and contact"),
                column("country", 3, "character(2)", true, "", ""),
                column("created", 4, "timestamp with time zone", true, "now()", ""));
        assertThat(table("orders").columns()).containsExactly(
                column("customer_id", 1, "bigint", false, "", ""),
                column("order_no", 2, "integer", false, "nextval('shop.invoice_no'::regclass)", ""),
                column("quantity", 3, "shop.quantity", true, "", ""),
                column("size", 4, "shop.size", true, "", ""),
                column("price", 5, "numeric(10,2)", false, "", ""),
                column("total", 6, "numeric(12,2)", true, "GENERATED ALWAYS AS (price * quantity::numeric) STORED",
                        "Price times quantity"));
        assertThat(table("order_lines").column("line").orElseThrow().defaultValue())
                .isEqualTo("GENERATED BY DEFAULT AS IDENTITY");
        assertThat(table("big_orders").columns()).extracting(Column::name).containsExactly("customer_id", "order_no");
    }

    @Test
    void primaryAndForeignKeysKeepTheirColumnOrder() {
        assertThat(table("customers").primaryKey()).isEqualTo(new PrimaryKey("customers_pkey", List.of("id")));
        assertThat(table("order_lines").primaryKey())
                .isEqualTo(new PrimaryKey("order_lines_pkey", List.of("customer_id", "order_no", "line")));
        assertThat(table("big_orders").primaryKey()).isNull();
        assertThat(table("measurements").primaryKey()).isEqualTo(new PrimaryKey("measurements_pkey", List.of("taken")));
        assertThat(table("measurements_2024").primaryKey())
                .isEqualTo(new PrimaryKey("measurements_2024_pkey", List.of("taken")));

        assertThat(table("customers").foreignKeys()).containsExactly(new ForeignKey("customers_country_fkey",
                List.of("country"), "ref", "countries", List.of("code"), "Where they live"));
        assertThat(table("orders").foreignKeys()).containsExactly(new ForeignKey("orders_customer_id_fkey",
                List.of("customer_id"), "shop", "customers", List.of("id"), ""));
        assertThat(table("order_lines").foreignKeys()).containsExactly(new ForeignKey("order_lines_order_fk",
                List.of("order_no", "customer_id"), "shop", "orders", List.of("order_no", "customer_id"), ""));
        // once, though pg_constraint also has a row for it per referenced partition
        assertThat(table("reading_notes").foreignKeys()).containsExactly(new ForeignKey("reading_notes_taken_fkey",
                List.of("taken"), "shop", "measurements", List.of("taken"), ""));
    }

    @Test
    void uniqueAndCheckConstraintsAndIndexesWithExpressions() {
        assertThat(table("customers").constraints()).containsExactly(new Constraint("customers_email_key",
                Constraint.Type.UNIQUE, List.of("email"), "UNIQUE (email)", "One account per address"));
        assertThat(table("orders").constraints()).containsExactly(new Constraint("orders_price_check",
                Constraint.Type.CHECK, List.of("price"), "CHECK (price >= 0::numeric)", "No negative prices"));

        assertThat(table("customers").indexes()).containsExactly(
                new Index("customers_email_key", List.of("email"), true, "",
                        "CREATE UNIQUE INDEX customers_email_key ON shop.customers USING btree (email)"),
                new Index("customers_lower_email", List.of("lower(email::text)", "country"), true,
                        "Case-insensitive login", "CREATE UNIQUE INDEX customers_lower_email ON shop.customers "
                        + "USING btree (lower((email)::text), country)"),
                new Index("customers_pkey", List.of("id"), true, "",
                        "CREATE UNIQUE INDEX customers_pkey ON shop.customers USING btree (id)"));
        // key columns only: the INCLUDE column is in the definition, not among the keys
        assertThat(table("orders").indexes()).extracting(Index::name, Index::columns, Index::definition)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("orders_by_size", List.of("size", "price"),
                        "CREATE INDEX orders_by_size ON shop.orders USING btree (size, price) INCLUDE (total)"),
                        org.assertj.core.groups.Tuple.tuple("orders_pkey", List.of("customer_id", "order_no"),
                                "CREATE UNIQUE INDEX orders_pkey ON shop.orders USING btree (customer_id, order_no)"));
        assertThat(table("order_lines").indexes()).extracting(Index::name, Index::columns)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("order_lines_pkey",
                        List.of("customer_id", "order_no", "line")));
    }

    @Test
    void triggersWithTheirEventAndDefinition() {
        assertThat(table("customers").triggers()).containsExactly(new Trigger("customers_touch",
                "BEFORE INSERT OR UPDATE FOR EACH ROW", "CREATE TRIGGER customers_touch BEFORE INSERT OR UPDATE "
                + "ON shop.customers FOR EACH ROW EXECUTE FUNCTION shop.touch_created()", "Stamps the creation time"));
        assertThat(table("orders").triggers()).isEmpty();
    }

    @Test
    void triggerEventsDecodeEveryTimingAndEvent() {
        assertThat(PgSchemaScanner.triggerEvent(2 | 4 | 16 | 1)).isEqualTo("BEFORE INSERT OR UPDATE FOR EACH ROW");
        assertThat(PgSchemaScanner.triggerEvent(8 | 32)).isEqualTo("AFTER DELETE OR TRUNCATE FOR EACH STATEMENT");
        assertThat(PgSchemaScanner.triggerEvent(64 | 4 | 1)).isEqualTo("INSTEAD OF INSERT FOR EACH ROW");
    }

    @Test
    void partitionsNameTheirParentAndBounds() {
        assertThat(table("measurements").definition()).isEqualTo("PARTITION BY RANGE (taken)");
        assertThat(table("measurements").comment()).isEqualTo("Sensor readings by year");
        assertThat(table("measurements_2024").definition())
                .isEqualTo("PARTITION OF shop.measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
        assertThat(table("measurements_2024").comment()).isEqualTo("Readings of 2024");
        assertThat(table("measurements_2025").definition())
                .isEqualTo("PARTITION OF shop.measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')");
        assertThat(table("measurements_2025").columns()).extracting(Column::name, Column::dataType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("taken", "date"),
                        org.assertj.core.groups.Tuple.tuple("reading", "double precision"));
    }

    @Test
    void viewsAndMaterializedViewsCarryTheirQuery() {
        Table view = table("big_orders");
        assertThat(view.comment()).isEqualTo("Orders over 100");
        assertThat(view.definition()).contains("SELECT customer_id", "FROM shop.orders", "WHERE price > 100");
        Table totals = table("order_totals");
        assertThat(totals.comment()).isEqualTo("Spend per customer");
        assertThat(totals.definition()).contains("sum(total) AS total", "FROM shop.orders", "GROUP BY customer_id");
        assertThat(totals.columns()).extracting(Column::name).containsExactly("customer_id", "total");
    }

    @Test
    void foreignTablesNameTheirServer() {
        assumeThat(fdw).as("postgres_fdw is not among the embedded server's extensions").isTrue();
        Table remote = table("remote_stock");
        assertThat(remote.kind()).isEqualTo(ObjectKind.EXTERNAL_TABLE);
        assertThat(remote.definition()).isEqualTo("SERVER warehouse OPTIONS (schema_name 'public', table_name 'stock')");
        assertThat(remote.comment()).isEqualTo("Stock in the warehouse");
        assertThat(remote.columns()).extracting(Column::name).containsExactly("sku", "qty");
    }

    @Test
    void rowEstimatesAreUnknownUntilAnalyzed() throws SQLException {
        assertThat(table("customers").rowEstimate()).isEqualTo(-1);
        assertThat(table("big_orders").rowEstimate()).isEqualTo(-1);
        Schema ref = new PgSchemaScanner(connection).scan(new SchemaRef(db, "ref", ""));
        assertThat(ref.tables()).extracting(Table::name, Table::rowEstimate, Table::comment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("countries", 3L, "ISO countries"));
        assertThat(ref.routines()).isEmpty();
        assertThat(ref.types()).isEmpty();
    }

    @Test
    void functionsProceduresAndAggregates() {
        assertThat(shop.routines()).extracting(Routine::name, Routine::procedure, Routine::signature,
                Routine::returnType, Routine::comment).containsExactly(
                org.assertj.core.groups.Tuple.tuple("archive_readings", true, "(IN p_before date)", "",
                        "Drops old readings"),
                org.assertj.core.groups.Tuple.tuple("order_total", false,
                        "(p_customer bigint, p_min numeric DEFAULT 0)", "numeric", "Spend of one customer"),
                org.assertj.core.groups.Tuple.tuple("product", false, "(numeric)", "numeric", ""),
                org.assertj.core.groups.Tuple.tuple("touch_created", false, "()", "trigger", ""));
        assertThat(shop.routines().get(0).definition())
                .startsWith("CREATE OR REPLACE PROCEDURE shop.archive_readings(IN p_before date)")
                .contains("LANGUAGE plpgsql", "DELETE FROM shop.measurements WHERE taken < p_before");
        assertThat(shop.routines().get(1).definition())
                .startsWith("CREATE OR REPLACE FUNCTION shop.order_total(p_customer bigint, p_min numeric DEFAULT 0)")
                .contains("RETURNS numeric", "STABLE", "coalesce(sum(total), 0)");
        // an aggregate has no CREATE FUNCTION text (pg_get_functiondef would fail on it)
        assertThat(shop.routines().get(2).definition()).isEmpty();
    }

    @Test
    void generatedExpressionsAreWrappedInOneBracketPair() {
        assertThat(PgSchemaScanner.defaultText("(a * b)", "", "s")).isEqualTo("GENERATED ALWAYS AS (a * b) STORED");
        assertThat(PgSchemaScanner.defaultText("lower(name)", "", "s")).isEqualTo("GENERATED ALWAYS AS (lower(name)) STORED");
        assertThat(PgSchemaScanner.defaultText("(a) + (b)", "", "s")).isEqualTo("GENERATED ALWAYS AS ((a) + (b)) STORED");
        assertThat(PgSchemaScanner.defaultText("('(' || a) || ')'", "", "s"))
                .isEqualTo("GENERATED ALWAYS AS (('(' || a) || ')') STORED");
    }

    @Test
    void sequencesLeaveOutThoseOfIdentityColumns() {
        assertThat(shop.sequences()).containsExactly(new Sequence("invoice_no", "integer", 1000, 10, "Invoice numbers"));
    }

    @Test
    void enumsDomainsAndCompositeTypes() {
        assertThat(shop.types()).containsExactly(
                new TypeDef("point2d", TypeDef.Kind.COMPOSITE, List.of("x double precision", "y double precision"), "",
                        "A point on a plane"),
                new TypeDef("quantity", TypeDef.Kind.DOMAIN, List.of("CONSTRAINT quantity_positive CHECK (VALUE > 0)"),
                        "integer NOT NULL DEFAULT 1", "A positive count"),
                new TypeDef("size", TypeDef.Kind.ENUM, List.of("small", "medium", "large"), "", "Garment sizes"));
    }

    @Test
    void theNumberOfQueriesDoesNotGrowWithTheTables() throws SQLException {
        String many = TestPostgres.newDatabase("pgscan_many");
        TestPostgres.execute(many,
                "CREATE SCHEMA narrow",
                "CREATE SCHEMA wide",
                wideTables("narrow", 3),
                wideTables("wide", 300));
        AtomicInteger statements = new AtomicInteger();
        Schema narrow;
        Schema wide;
        List<Schema> both;
        int narrowCount;
        int wideCount;
        int bothCount;
        try (Connection c = TestPostgres.server().getDatabase("postgres", many).getConnection()) {
            PgSchemaScanner scanner = new PgSchemaScanner(counting(c, statements));
            narrow = scanner.scan(new SchemaRef(many, "narrow", ""));
            narrowCount = statements.getAndSet(0);
            wide = scanner.scan(new SchemaRef(many, "wide", ""));
            wideCount = statements.getAndSet(0);
            both = scanner.scan(List.of(new SchemaRef(many, "wide", ""), new SchemaRef(many, "narrow", "")));
            bothCount = statements.get();
        }

        assertThat(narrow.tables()).hasSize(3);
        assertThat(wide.tables()).extracting(Table::name)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 300).mapToObj(i -> "t%03d".formatted(i)).toList());
        assertThat(wide.tables()).allSatisfy(t -> {
            assertThat(t.columns()).hasSize(3);
            assertThat(t.primaryKey().columns()).containsExactly("id");
            assertThat(t.indexes()).hasSize(2);
            assertThat(t.comment()).isEqualTo("table " + Integer.parseInt(t.name().substring(1)));
        });
        assertThat(wide.tables().get(1).foreignKeys()).extracting(ForeignKey::referencedTable).containsExactly("t001");
        // eight catalog queries and the statement that turns JIT off for them, whether one schema or several
        assertThat(wideCount).isEqualTo(narrowCount).isEqualTo(bothCount).isEqualTo(9);
        assertThat(both).extracting(s -> s.ref().name()).containsExactly("wide", "narrow");
        assertThat(both.get(0)).isEqualTo(wide);
        assertThat(both.get(1)).isEqualTo(narrow);
    }

    /** {@code count} tables t001.. each with a key, an index, a comment and a key to the previous table. */
    private static String wideTables(String schema, int count) {
        return """
                DO $$ BEGIN FOR i IN 1..%d LOOP
                  EXECUTE format('CREATE TABLE %s.t%%s (id int PRIMARY KEY, prev int %%s, note text)', lpad(i::text, 3, '0'),
                      CASE WHEN i > 1 THEN 'REFERENCES %s.t' || lpad((i - 1)::text, 3, '0') ELSE '' END);
                  EXECUTE format('CREATE INDEX ON %s.t%%s (note)', lpad(i::text, 3, '0'));
                  EXECUTE format('COMMENT ON TABLE %s.t%%s IS %%L', lpad(i::text, 3, '0'), 'table ' || i);
                END LOOP; END $$""".formatted(count, schema, schema, schema, schema);
    }

    /** The connection, counting every statement made on it so the test sees each query the scanner sends. */
    private static Connection counting(Connection target, AtomicInteger statements) {
        Set<String> creators = Set.of("createStatement", "prepareStatement", "prepareCall");
        return (Connection) Proxy.newProxyInstance(PgSchemaScannerTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (creators.contains(method.getName())) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
