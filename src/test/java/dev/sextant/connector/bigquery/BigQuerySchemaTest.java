package dev.sextant.connector.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.schema.Column;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.Routine;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Table;
import dev.sextant.testing.BigQueryFixture;
import dev.sextant.testing.BigQueryStandIn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Datasets first, then one dataset's tables, views, external tables and routines, scanned lazily. */
class BigQuerySchemaTest extends StandInTestBase {

    @Test
    void datasetsAreListedWithoutTheirTablesAndHiddenOnesOnlyOnRequest() {
        standIn.clearRequests();
        try (BigQueryConnector c = connect()) {
            assertThat(c.listSchemas()).extracting(SchemaRef::name).containsExactly("archive", "shop");
            assertThat(c.listSchemas(true)).extracting(SchemaRef::name).containsExactly("_staging", "archive", "shop");
            assertThat(c.listSchemas()).allSatisfy(r -> assertThat(r.catalog()).isEqualTo(BigQueryStandIn.PROJECT));
        }
        assertThat(standIn.requests("GET", ".*/tables.*")).as("no table read before a dataset is opened").isEmpty();
    }

    @Test
    void aDatasetScanHasNestedFieldsRepeatedMarksStorageViewsAndRoutines() {
        Schema shop;
        try (BigQueryConnector c = connect()) {
            shop = c.scanSchema(new SchemaRef(BigQueryStandIn.PROJECT, "shop", ""));
        }
        assertThat(shop.tables()).extracting(Table::name, Table::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("all_types", ObjectKind.TABLE),
                org.assertj.core.groups.Tuple.tuple("big_orders", ObjectKind.MATERIALIZED_VIEW),
                org.assertj.core.groups.Tuple.tuple("daily_totals", ObjectKind.VIEW),
                org.assertj.core.groups.Tuple.tuple("gcs_events", ObjectKind.EXTERNAL_TABLE),
                org.assertj.core.groups.Tuple.tuple("orders", ObjectKind.TABLE));

        Table orders = shop.table("orders").orElseThrow();
        assertThat(orders.comment()).isEqualTo("One row per order, with its items");
        assertThat(orders.rowEstimate()).isEqualTo(BigQueryFixture.ORDER_ROWS);
        assertThat(orders.storage().sizeBytes()).isEqualTo(1_234_567);
        assertThat(orders.storage().partitioning()).isEqualTo("DAY on created");
        assertThat(orders.storage().clustering()).containsExactly("order_id");
        assertThat(orders.primaryKeyOpt()).hasValueSatisfying(pk -> assertThat(pk.columns()).containsExactly("order_id"));
        assertThat(orders.columns()).extracting(Column::name, Column::dataType, Column::repeated, Column::nullable).containsExactly(
                org.assertj.core.groups.Tuple.tuple("order_id", "INT64", false, false),
                org.assertj.core.groups.Tuple.tuple("customer", "STRUCT", false, true),
                org.assertj.core.groups.Tuple.tuple("items", "STRUCT", true, true),
                org.assertj.core.groups.Tuple.tuple("tags", "STRING", true, true),
                org.assertj.core.groups.Tuple.tuple("total", "NUMERIC(12, 2)", false, true),
                org.assertj.core.groups.Tuple.tuple("created", "TIMESTAMP", false, true));
        Column customer = orders.column("customer").orElseThrow();
        assertThat(customer.children()).extracting(Column::name).containsExactly("name", "address");
        assertThat(customer.children().get(1).children()).extracting(Column::name).containsExactly("city", "zip");
        assertThat(orders.column("items").orElseThrow().children()).extracting(Column::name).containsExactly("sku", "qty", "price");
        assertThat(orders.column("order_id").orElseThrow().comment()).isEqualTo("Order number");

        assertThat(shop.table("daily_totals").orElseThrow().definition()).startsWith("SELECT DATE(created) AS day");
        assertThat(shop.table("big_orders").orElseThrow().definition()).contains("WHERE total > 100");
        assertThat(shop.table("gcs_events").orElseThrow().definition()).contains("CSV", "gs://sextant-test/events/*.csv");
        assertThat(shop.table("all_types").orElseThrow().column("t_range").orElseThrow().dataType()).isEqualTo("RANGE<DATE>");

        assertThat(shop.routines()).extracting(Routine::name).containsExactly("add_tax", "orders_of", "refresh_stats");
        Routine tax = shop.routines().get(0);
        assertThat(tax.signature()).isEqualTo("(amount NUMERIC)");
        assertThat(tax.returnType()).isEqualTo("NUMERIC");
        assertThat(tax.definition()).isEqualTo("amount * 1.19");
        assertThat(tax.comment()).isEqualTo("Adds German VAT (scalar function, SQL)");
        assertThat(shop.routines().get(1).returnType()).isEqualTo("TABLE");
        assertThat(shop.routines().get(2).procedure()).isTrue();
        assertThat(new dev.sextant.schema.DatabaseSchema("BigQuery", "", List.of(shop)).search("zip"))
                .extracting(m -> m.name()).containsExactly("customer.address.zip");
    }

    @Test
    void anEmptyDatasetScansToNothing() {
        try (BigQueryConnector c = connect()) {
            Schema archive = c.scanSchema(new SchemaRef(BigQueryStandIn.PROJECT, "archive", ""));
            assertThat(archive.tables()).isEmpty();
            assertThat(archive.routines()).isEmpty();
        }
    }

    @Test
    void theWholeProjectScansDatasetByDataset() {
        try (BigQueryConnector c = connect()) {
            var all = c.scanDbSchema();
            assertThat(all.productName()).isEqualTo("Google BigQuery");
            assertThat(all.schemas()).extracting(Schema::name).containsExactly("archive", "shop");
            assertThat(all.table("shop", "orders")).isPresent();
        }
    }

    @Test
    void qualifiedNamesUseBackticksOnlyWhereNeeded() {
        var dialect = new BigQueryConnectorProvider().dialect();
        assertThat(dialect.qualify("shop", "orders")).isEqualTo("shop.orders");
        assertThat(dialect.qualify("my-data", "select")).isEqualTo("`my-data`.`select`");
        assertThat(dialect.quoteIdentifier("we`ird")).isEqualTo("`we\\`ird`");
        assertThat(dialect.quoteIdentifier("Order")).as("a reserved word").isEqualTo("`Order`");
        assertThat(List.of("Orders", "order_2024")).allSatisfy(n -> assertThat(dialect.quoteIdentifier(n)).isEqualTo(n));
    }
}
