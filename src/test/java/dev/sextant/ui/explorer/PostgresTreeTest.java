package dev.sextant.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.schema.SchemaRef;
import dev.sextant.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

/** What the schema tree builds from a real PostgreSQL scan: partitions under their parent, types, triggers. */
class PostgresTreeTest {

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
    void partitionsSitUnderTheirParentAndTypesAndTriggersHaveFolders() {
        String db = TestPostgres.newDatabase("tree");
        TestPostgres.execute(db,
                "CREATE TYPE level AS ENUM ('low', 'high')",
                "CREATE TABLE readings (taken date NOT NULL, lvl level, CHECK (taken > '2000-01-01')) PARTITION BY RANGE (taken)",
                "CREATE TABLE readings_2024 PARTITION OF readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                "CREATE TABLE plain (id int PRIMARY KEY)",
                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                "CREATE TRIGGER plain_touch BEFORE INSERT ON plain FOR EACH ROW EXECUTE FUNCTION touch()");
        try (BaseDBConnector c = ConnectorRegistry.loadInstalled().create("postgresql", ConnectionParameters.of(Map.of(
                "host", "127.0.0.1", "port", String.valueOf(TestPostgres.port()), "database", db, "user", "postgres",
                "sslMode", "disable")))) {
            c.connect();
            SchemaRef publicSchema = c.listSchemas().stream().filter(s -> s.name().equals("public")).findFirst().orElseThrow();

            List<TreeItem<ExplorerNode>> folders = SchemaTree.schemaContents(c.scanSchema(publicSchema));

            assertThat(labels(folders)).containsExactly("Tables", "Types", "Routines");
            TreeItem<ExplorerNode> tables = folders.get(0);
            assertThat(labels(tables.getChildren())).containsExactly("plain", "readings");
            TreeItem<ExplorerNode> partitions = child(child(tables, "readings"), "Partitions");
            assertThat(labels(partitions.getChildren())).containsExactly("readings_2024", "readings_2025");
            assertThat(labels(child(child(tables, "plain"), "Triggers").getChildren())).containsExactly("plain_touch");
            assertThat(child(child(tables, "readings"), "Constraints").getChildren()).hasSize(1);
            assertThat(folders.get(1).getChildren().get(0).getValue().detail()).isEqualTo("enum · low, high");
        }
    }
}
