package dev.sextant.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.schema.SchemaRef;
import dev.sextant.schema.Table;
import dev.sextant.testing.BigQueryFixture;
import dev.sextant.testing.BigQueryStandIn;
import dev.sextant.testing.ServiceAccountKey;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/** What the schema tree builds from a BigQuery dataset: nested fields as children, repeated ones marked, storage. */
class BigQueryTreeTest {

    @org.junit.jupiter.api.BeforeAll
    static void toolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage(); // the tree's classes need a running JavaFX toolkit
    }

    private static List<String> labels(List<TreeItem<ExplorerNode>> items) {
        return items.stream().map(i -> i.getValue().label()).toList();
    }

    private static TreeItem<ExplorerNode> child(TreeItem<ExplorerNode> parent, String label) {
        return parent.getChildren().stream().filter(c -> c.getValue().label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not under " + parent.getValue().label()));
    }

    @Test
    void nestedFieldsAreChildNodesAndRepeatedOnesAreMarked() {
        try (BigQueryStandIn standIn = new BigQueryStandIn(new BigQueryFixture())) {
            ServiceAccountKey key = ServiceAccountKey.create(standIn, "tree");
            // through the registry and the production settings, as the application builds it
            try (BaseDBConnector c = ConnectorRegistry.loadInstalled().create("bigquery", new ConnectionParameters(Map.of(
                    "projectId", BigQueryStandIn.PROJECT, "endpoint", standIn.url(), "authentication", "service-account-key"),
                    Map.of("serviceAccountKey", key.json()), false))) {
                c.connect();
                List<TreeItem<ExplorerNode>> folders = TreeBuilder.schemaContents(
                        c.scanSchema(new SchemaRef(BigQueryStandIn.PROJECT, "shop", "")));

                assertThat(labels(folders)).containsExactly("Tables", "Views", "External tables", "Routines");
                TreeItem<ExplorerNode> orders = child(folders.get(0), "orders");
                assertThat(orders.getValue().detail()).isEqualTo("~450 rows · 1.2 MB");
                assertThat(TreeBuilder.tableTooltip((Table) orders.getValue().payload()))
                        .isEqualTo("One row per order, with its items\nPartitioned by DAY on created\nClustered by order_id");
                assertThat(labels(orders.getChildren())).containsExactly("order_id", "customer", "items", "tags", "total", "created");
                TreeItem<ExplorerNode> customer = child(orders, "customer");
                assertThat(customer.getValue().detail()).isEqualTo("struct · 2 fields");
                assertThat(labels(child(customer, "address").getChildren())).containsExactly("city", "zip");
                TreeItem<ExplorerNode> items = child(orders, "items");
                assertThat(items.getValue().detail()).isEqualTo("struct · repeated · 3 fields");
                assertThat(labels(items.getChildren())).containsExactly("sku", "qty", "price");
                assertThat(child(items, "sku").getValue().detail()).isEqualTo("string · not null");
                assertThat(child(orders, "tags").getValue().detail()).isEqualTo("string · repeated");
                assertThat(child(orders, "order_id").getValue().detail()).isEqualTo("int64 · PK");
                assertThat(labels(folders.get(1).getChildren())).containsExactly("big_orders", "daily_totals");
                assertThat(labels(folders.get(3).getChildren())).containsExactly("add_tax", "orders_of", "refresh_stats");
            }
        }
    }
}
