package dev.sextant.testing;

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
import java.util.ArrayList;
import java.util.List;

/** Schema models built in memory, for tests that need every kind of object or a very large schema. */
public final class SchemaModels {

    private SchemaModels() {
    }

    /**
     * A schema with one object of every kind, a column with nested record fields (as a BigQuery scan
     * returns them: {@code address} with {@code geo} inside it), keys, indexes, constraints and a trigger.
     */
    public static Schema everyKind() {
        Column geo = new Column("geo", 2, "RECORD", true, null, "Where on the map", List.of(
                new Column("lat", 1, "FLOAT64", true, null, null, List.of()),
                new Column("lon", 2, "FLOAT64", true, null, null, List.of())));
        Column address = new Column("address", 3, "RECORD", true, null, "Postal address", List.of(
                new Column("street", 1, "STRING", true, null, null, List.of()), geo));
        Table customers = new Table("shop", "customers", ObjectKind.TABLE, "People who buy", "",
                List.of(new Column("id", 1, "bigint", false, null, "Key", List.of()), address,
                        new Column("email", 4, "text", false, "''", null, List.of())),
                new PrimaryKey("customers_pkey", List.of("id")), List.of(),
                List.of(new Index("customers_email_idx", List.of("email"), true, "",
                        "CREATE UNIQUE INDEX customers_email_idx ON shop.customers USING btree (email)")),
                1200, List.of(new Constraint("email_not_blank", Constraint.Type.CHECK, List.of("email"),
                        "CHECK (email <> '')", "")),
                List.of(new Trigger("customers_touch", "BEFORE UPDATE FOR EACH ROW",
                        "CREATE TRIGGER customers_touch BEFORE UPDATE ON shop.customers FOR EACH ROW EXECUTE FUNCTION shop.touch()", "")));
        Table orders = new Table("shop", "orders", ObjectKind.TABLE, "", "",
                List.of(new Column("id", 1, "bigint", false, null, null, List.of()),
                        new Column("customer_id", 2, "bigint", false, null, null, List.of())),
                new PrimaryKey("orders_pkey", List.of("id")),
                List.of(new ForeignKey("orders_customer_fk", List.of("customer_id"), "shop", "customers", List.of("id"), "")),
                List.of(), -1);
        Table big = new Table("shop", "big spenders", ObjectKind.VIEW, "", "SELECT id FROM shop.customers",
                List.of(new Column("id", 1, "bigint", true, null, null, List.of())), null, List.of(), List.of(), -1);
        return new Schema(new SchemaRef("warehouse", "shop", "The shop"), List.of(big, customers, orders),
                List.of(new Routine("touch", false, "()", "trigger", "", "CREATE FUNCTION shop.touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$")),
                List.of(new Sequence("order_numbers", "bigint", 1000, 1, "")),
                List.of(new TypeDef("mood", TypeDef.Kind.ENUM, List.of("sad", "happy"), "", "")));
    }

    /** {@code tables} tables of {@code columns} columns each (t00000.c00 …), with a primary key. */
    public static Schema large(String name, int tables, int columns) {
        List<Table> list = new ArrayList<>(tables);
        for (int t = 0; t < tables; t++) {
            List<Column> cols = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                cols.add(new Column(String.format("c%02d_t%05d", c, t), c + 1, c == 0 ? "bigint" : "text", c != 0, null, null, List.of()));
            }
            list.add(new Table(name, String.format("t%05d", t), ObjectKind.TABLE, "", "", cols,
                    new PrimaryKey("", List.of(cols.get(0).name())), List.of(), List.of(), t));
        }
        return new Schema(new SchemaRef("", name, ""), list, List.of(), List.of());
    }
}
