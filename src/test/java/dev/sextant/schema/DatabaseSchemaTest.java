package dev.sextant.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseSchemaTest {

    private static Column col(String name, Column... children) {
        return new Column(name, 1, children.length > 0 ? "STRUCT" : "STRING", true, null, null, List.of(children));
    }

    private final DatabaseSchema model = new DatabaseSchema("BigQuery", "", List.of(new Schema(
            new SchemaRef("proj", "events", "raw events"),
            List.of(new Table("events", "clicks", ObjectKind.TABLE, null, null,
                    List.of(col("user", col("id"), col("address", col("city")))), null, List.of(), List.of(), -1),
                    new Table("events", "city_stats", ObjectKind.MATERIALIZED_VIEW, null, "SELECT 1", List.of(col("city")),
                            null, List.of(), List.of(), -1)),
            List.of(), List.of())));

    @Test
    void searchReachesNestedRecordFieldsAndPutsExactNamesFirst() {
        List<SchemaMatch> hits = model.search("CITY");

        assertThat(hits).extracting(SchemaMatch::path)
                .containsExactly("events.clicks.user.address.city", "events.city_stats.city", "events.city_stats");
        assertThat(hits.get(0).kind()).isEqualTo(ObjectKind.COLUMN);
        assertThat(hits.get(2).kind()).isEqualTo(ObjectKind.MATERIALIZED_VIEW);
    }

    @Test
    void searchFindsConstraintsTriggersAndTypes() {
        Table orders = new Table("shop", "orders", ObjectKind.TABLE, null, null, List.of(col("qty")), null, List.of(),
                List.of(), -1, List.of(new Constraint("orders_qty_check", Constraint.Type.CHECK, List.of("qty"),
                "CHECK (qty > 0)", null)), List.of(new Trigger("orders_audit", "AFTER INSERT FOR EACH ROW", "", null)));
        DatabaseSchema pg = new DatabaseSchema("PostgreSQL", "17", List.of(new Schema(new SchemaRef("db", "shop", null),
                List.of(orders), List.of(), List.of(), List.of(new TypeDef("order_state", TypeDef.Kind.ENUM,
                List.of("open", "paid"), "", null)))));

        assertThat(pg.search("order")).extracting(SchemaMatch::kind, SchemaMatch::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ObjectKind.TABLE, "shop.orders"),
                org.assertj.core.groups.Tuple.tuple(ObjectKind.CONSTRAINT, "shop.orders.orders_qty_check"),
                org.assertj.core.groups.Tuple.tuple(ObjectKind.TRIGGER, "shop.orders.orders_audit"),
                org.assertj.core.groups.Tuple.tuple(ObjectKind.TYPE, "shop.order_state"));
    }

    @Test
    void theShorterConstructorsLeaveTheNewListsEmpty() {
        Table t = new Table("s", "t", ObjectKind.TABLE, null, null, List.of(), null, List.of(), List.of(), 0);
        assertThat(t.constraints()).isEmpty();
        assertThat(t.triggers()).isEmpty();
        assertThat(new Schema(new SchemaRef("", "s", ""), List.of(t), List.of(), List.of()).types()).isEmpty();
        assertThat(new Index("i", List.of("a"), false, null).definition()).isEmpty();
    }

    @Test
    void anEmptySearchFindsNothing() {
        assertThat(model.search("  ")).isEmpty();
    }

    @Test
    void catalogsAreListedOnce() {
        assertThat(model.catalogs()).containsExactly("proj");
    }

    @Test
    void theModelIsImmutable() {
        assertThatThrownBy(() -> model.schemas().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> model.schemas().get(0).tables().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTableMustHaveATableLikeKind() {
        assertThatThrownBy(() -> new Table("s", "t", ObjectKind.COLUMN, null, null, List.of(), null, List.of(), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
