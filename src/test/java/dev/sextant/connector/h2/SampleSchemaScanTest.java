package dev.sextant.connector.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.app.AppPaths;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.schema.Column;
import dev.sextant.schema.DatabaseSchema;
import dev.sextant.schema.ForeignKey;
import dev.sextant.schema.Index;
import dev.sextant.schema.ObjectKind;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaMatch;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Table;
import dev.sextant.testing.TestSample;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans the built-in sample with the H2 connector and checks what the schema tree will show. */
class SampleSchemaScanTest {

    @TempDir
    static Path dir;
    private static BaseDBConnector connector;
    private static DatabaseSchema model;

    @BeforeAll
    static void scan() {
        AppPaths paths = TestSample.homeWithSample(dir);
        connector = ConnectorRegistry.loadInstalled().create("h2",
                ConnectionParameters.of(Map.of("path", paths.sampleDatabase().toString())));
        connector.connect();
        model = connector.scanDbSchema();
    }

    @AfterAll
    static void close() {
        connector.disconnect();
    }

    private static Table table(String name) {
        return model.table("PUBLIC", name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    @Test
    void listsUserSchemasAndTheSystemSchemaOnlyOnRequest() {
        List<SchemaRef> schemas = connector.listSchemas();

        assertThat(schemas).extracting(SchemaRef::name).containsExactly("ANALYTICS", "PUBLIC");
        assertThat(connector.listSchemas(true)).extracting(SchemaRef::name)
                .containsExactly("ANALYTICS", "PUBLIC", "INFORMATION_SCHEMA");
        assertThat(schemas.get(0).comment()).isEqualTo("Reporting views over the shop tables");
        assertThat(model.productName()).isEqualTo("H2");
    }

    @Test
    void theSampleHasAtLeastEightCommentedTablesAndAView() {
        Schema shop = model.schema("PUBLIC").orElseThrow();

        assertThat(shop.tables()).filteredOn(t -> t.kind() == ObjectKind.TABLE).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(t -> assertThat(t.comment()).isNotEmpty());
        Table view = shop.table("ORDER_SUMMARY").orElseThrow();
        assertThat(view.kind()).isEqualTo(ObjectKind.VIEW);
        assertThat(view.definition()).containsIgnoringCase("JOIN");
        assertThat(view.columns()).extracting(Column::name).startsWith("ORDER_ID", "CUSTOMER", "REGION");
    }

    @Test
    void columnsCarryTypesNullabilityDefaultsAndComments() {
        Table customers = table("CUSTOMERS");

        assertThat(customers.columns()).extracting(Column::name).containsExactly("ID", "REGION_ID", "FULL_NAME",
                "EMAIL", "SIGNED_UP_ON", "IS_BUSINESS", "CREDIT_LIMIT", "NOTES");
        Column limit = customers.column("CREDIT_LIMIT").orElseThrow();
        assertThat(limit.dataType()).isEqualTo("NUMERIC(12, 2)");
        assertThat(limit.nullable()).isTrue();
        assertThat(limit.comment()).contains("credit limit");
        assertThat(customers.column("FULL_NAME").orElseThrow().dataType()).isEqualTo("CHARACTER VARYING(120)");
        assertThat(customers.column("FULL_NAME").orElseThrow().nullable()).isFalse();
        assertThat(table("PRODUCTS").column("DISCONTINUED").orElseThrow().defaultValue()).isEqualTo("FALSE");
    }

    @Test
    void primaryForeignKeysAndIndexesAreRead() {
        Table items = table("ORDER_ITEMS");

        assertThat(items.primaryKey().columns()).containsExactly("ORDER_ID", "LINE_NO");
        assertThat(items.foreignKeys()).extracting(ForeignKey::name)
                .containsExactlyInAnyOrder("FK_ORDER_ITEMS_ORDER", "FK_ORDER_ITEMS_PRODUCT");
        ForeignKey toProduct = items.foreignKeys().stream()
                .filter(fk -> fk.referencedTable().equals("PRODUCTS")).findFirst().orElseThrow();
        assertThat(toProduct.columns()).containsExactly("PRODUCT_ID");
        assertThat(toProduct.referencedColumns()).containsExactly("ID");
        assertThat(toProduct.referencedSchema()).isEqualTo("PUBLIC");
        assertThat(toProduct.comment()).startsWith("Products cannot be deleted");
        assertThat(items.isPrimaryKeyColumn("LINE_NO")).isTrue();
        assertThat(items.isForeignKeyColumn("PRODUCT_ID")).isTrue();

        assertThat(items.indexes()).extracting(Index::name).contains("IX_ORDER_ITEMS_PRODUCT");
        Index sku = table("PRODUCTS").indexes().stream().filter(i -> i.name().equals("UX_PRODUCTS_SKU")).findFirst().orElseThrow();
        assertThat(sku.unique()).isTrue();
        assertThat(sku.columns()).containsExactly("SKU");
        assertThat(sku.comment()).contains("labels");
        assertThat(table("CATEGORIES").foreignKeys().get(0).referencedTable()).isEqualTo("CATEGORIES");
    }

    @Test
    void rowEstimatesShowTheLargestTableHasOver100kRows() {
        assertThat(table("ORDER_ITEMS").rowEstimate()).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void sequencesAndRoutinesAreScanned() {
        Schema shop = model.schema("PUBLIC").orElseThrow();
        Schema analytics = model.schema("ANALYTICS").orElseThrow();

        assertThat(shop.sequences()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("INVOICE_NUMBERS");
            assertThat(s.start()).isEqualTo(100001);
            assertThat(s.comment()).isNotEmpty();
        });
        assertThat(analytics.routines()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("CUBE_ROOT");
            assertThat(r.procedure()).isFalse();
            assertThat(r.definition()).contains("java.lang.Math.cbrt");
        });
        assertThat(analytics.tables()).extracting(Table::name).containsExactly("MONTHLY_REVENUE", "TOP_PRODUCTS");
    }

    @Test
    void searchFindsObjectsByNameAcrossTheModel() {
        List<SchemaMatch> hits = model.search("customer_id");

        assertThat(hits).extracting(SchemaMatch::path)
                .contains("PUBLIC.ORDERS.CUSTOMER_ID", "PUBLIC.PRODUCT_REVIEWS.CUSTOMER_ID");
        assertThat(hits).allSatisfy(h -> assertThat(h.kind()).isEqualTo(ObjectKind.COLUMN));
        assertThat(model.search("monthly")).extracting(SchemaMatch::kind).containsExactly(ObjectKind.VIEW);
        assertThat(model.search("invoice")).extracting(SchemaMatch::kind).containsExactly(ObjectKind.SEQUENCE);
        assertThat(model.search("ux_products")).extracting(SchemaMatch::kind).containsExactly(ObjectKind.INDEX);
    }
}
