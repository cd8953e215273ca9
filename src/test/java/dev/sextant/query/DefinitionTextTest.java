package dev.sextant.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.schema.Schema;
import dev.sextant.schema.Table;
import dev.sextant.testing.SchemaModels;
import org.junit.jupiter.api.Test;

/** The definition view's text: the database's own where it printed one, else written from the model. */
class DefinitionTextTest {

    private final DefinitionText text = new DefinitionText(ConnectorRegistry.loadInstalled().provider("postgresql").dialect());
    private final Schema shop = SchemaModels.everyKind();

    @Test
    void aTableIsWrittenWithItsColumnsKeysConstraintsIndexesTriggersAndComments() {
        Table customers = shop.table("customers").orElseThrow();

        assertThat(text.of(customers, "shop", null)).isEqualTo(DefinitionText.RECONSTRUCTED + """
                CREATE TABLE shop.customers (
                    id bigint NOT NULL,
                    address RECORD,
                    email text DEFAULT '' NOT NULL,
                    CONSTRAINT customers_pkey PRIMARY KEY (id),
                    CONSTRAINT email_not_blank CHECK (email <> '')
                );
                CREATE UNIQUE INDEX customers_email_idx ON shop.customers USING btree (email);
                CREATE TRIGGER customers_touch BEFORE UPDATE ON shop.customers FOR EACH ROW EXECUTE FUNCTION shop.touch();
                COMMENT ON TABLE shop.customers IS 'People who buy';
                COMMENT ON COLUMN shop.customers.id IS 'Key';
                COMMENT ON COLUMN shop.customers.address IS 'Postal address';
                """);
    }

    @Test
    void viewsQuoteTheirNamesAndForeignKeysReferenceTheirTable() {
        assertThat(text.of(shop.table("big spenders").orElseThrow(), "shop", null))
                .isEqualTo("CREATE VIEW shop.\"big spenders\" AS\nSELECT id FROM shop.customers;\n");
        Table orders = shop.table("orders").orElseThrow();
        assertThat(text.of(orders.foreignKeys().get(0), "shop", orders)).isEqualTo(
                "ALTER TABLE shop.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES shop.customers (id);\n");
    }

    @Test
    void routinesSequencesAndTypes() {
        assertThat(text.of(shop.routines().get(0), "shop", null)).startsWith("CREATE FUNCTION shop.touch()").endsWith("END $$;\n");
        assertThat(text.of(shop.sequences().get(0), "shop", null))
                .endsWith("CREATE SEQUENCE shop.order_numbers AS bigint START WITH 1000 INCREMENT BY 1;\n");
        assertThat(text.of(shop.types().get(0), "shop", null)).endsWith("CREATE TYPE shop.mood AS ENUM ('sad', 'happy');\n");
    }
}
