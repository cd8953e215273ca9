package dev.sextant.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.query.ProgressListener;
import dev.sextant.testing.TestSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDatabaseTest {

    private final ConnectorRegistry registry = ConnectorRegistry.loadInstalled();

    @Test
    void theSampleIsRealisticAndDeterministic(@TempDir Path dir) {
        AppPaths paths = TestSample.homeWithSample(dir);
        SampleDatabase sample = new SampleDatabase(paths, registry);
        assertThat(sample.exists()).isTrue();

        try (BaseDBConnector c = registry.create("h2", dev.sextant.connector.ConnectionParameters.of(sample.connection().parameters()))) {
            c.connect();
            Map<String, Object> counts = c.executeSqlStatement("SELECT (SELECT COUNT(*) FROM ORDER_ITEMS) AS ITEMS, "
                    + "(SELECT COUNT(*) FROM ORDERS) AS ORDERS, (SELECT COUNT(*) FROM CUSTOMERS WHERE NOTES IS NULL) AS NULL_NOTES, "
                    + "(SELECT COUNT(*) FROM CUSTOMERS WHERE NOTES = 'NULL') AS TEXT_NULL_NOTES, "
                    + "(SELECT SUM(TOTAL) FROM ORDERS) AS REVENUE", null, null).get(0);
            assertThat((Long) counts.get("ITEMS")).isGreaterThanOrEqualTo(100_000);
            assertThat(counts.get("ORDERS")).isEqualTo(30_000L);
            assertThat((Long) counts.get("NULL_NOTES")).isGreaterThan(1000);
            assertThat((Long) counts.get("TEXT_NULL_NOTES")).isGreaterThan(0);
            // generated from row numbers only, so these figures are the same on every machine
            assertThat(counts.get("REVENUE")).hasToString("191050380.74");
            assertThat(c.executeSqlStatement("SELECT FULL_NAME, EMAIL FROM CUSTOMERS WHERE ID = 1", List.of(), null).get(0))
                    .containsEntry("FULL_NAME", "Bjorn Novak").containsEntry("EMAIL", "customer1@example.com");
        }
    }

    @Test
    void theBundledCopyHoldsWhatTheScriptMakes(@TempDir Path dir) {
        assertThat(SampleDatabase.class.getResource(SampleDatabase.PREBUILT)).as("the build bundles the sample").isNotNull();
        AppPaths fromCopy = new AppPaths(dir.resolve("copy"));
        List<String> messages = new java.util.ArrayList<>();
        new SampleDatabase(fromCopy, registry).ensureCreated((f, m) -> messages.add(m), true);
        assertThat(messages).contains("Unpacking the sample database…").doesNotContain("Creating the sample database…");
        AppPaths fromScript = new AppPaths(dir.resolve("script"));
        new SampleDatabase(fromScript, registry).ensureCreated(ProgressListener.NONE, false);

        Map<String, String> copied = contents(fromCopy);
        assertThat(copied).isEqualTo(contents(fromScript)).hasSizeGreaterThan(5)
                .allSatisfy((table, figures) -> assertThat(figures).doesNotContain("null").doesNotStartWith("0 rows"));
    }

    /** Each table's row count, and a checksum of every row of each table, of the sample in {@code paths}. */
    private Map<String, String> contents(AppPaths paths) {
        Map<String, String> out = new java.util.TreeMap<>();
        try (BaseDBConnector c = registry.create("h2",
                dev.sextant.connector.ConnectionParameters.of(new SampleDatabase(paths, registry).connection().parameters()))) {
            c.connect();
            for (Map<String, Object> t : c.executeSqlStatement("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'", List.of(), null)) {
                String table = (String) t.get("TABLE_NAME");
                List<String> columns = c.executeSqlStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE "
                        + "TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", List.of(table), null)
                        .stream().map(col -> "COALESCE(CAST(\"" + col.get("COLUMN_NAME") + "\" AS VARCHAR), '-')").toList();
                Map<String, Object> row = c.executeSqlStatement("SELECT COUNT(*) AS N, BIT_XOR_AGG(ORA_HASH(CONCAT_WS('|', "
                        + String.join(", ", columns) + "))) AS H FROM \"" + table + "\"", List.of(), null).get(0);
                out.put(table, row.get("N") + " rows, hash " + row.get("H"));
            }
        }
        return out;
    }

    @Test
    void ensureCreatedLeavesAnExistingSampleAlone(@TempDir Path dir) throws Exception {
        AppPaths paths = TestSample.homeWithSample(dir);
        Path file = Path.of(paths.sampleDatabase() + ".mv.db");
        long size = Files.size(file);
        var modified = Files.getLastModifiedTime(file);

        new SampleDatabase(paths, registry).ensureCreated((f, m) -> { throw new AssertionError("must not rebuild"); });

        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(Files.list(paths.sampleDir())).hasSize(1);
    }

    @Test
    void theScriptSplitsIntoStatementsWithoutComments() {
        List<String> statements = SampleDatabase.statements("-- header\nCREATE TABLE A (X INT);\n\n-- b\nINSERT INTO A\n"
                + "SELECT X -- inline\nFROM SYSTEM_RANGE(1, 2);\n");

        assertThat(statements).containsExactly("CREATE TABLE A (X INT)", "INSERT INTO A\nSELECT X -- inline\nFROM SYSTEM_RANGE(1, 2)");
    }

    @Test
    void theDataFolderFollowsTheFlagThenTheEnvironmentThenTheOs() {
        assertThat(AppPaths.osDefault("Linux", "/home/ada", Map.of())).isEqualTo(Path.of("/home/ada/.local/share/sextant"));
        assertThat(AppPaths.osDefault("Linux", "/home/ada", Map.of("XDG_DATA_HOME", "/data"))).isEqualTo(Path.of("/data/sextant"));
        assertThat(AppPaths.osDefault("Mac OS X", "/Users/ada", Map.of()))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/Sextant"));
        assertThat(AppPaths.osDefault("Windows 11", "C:/Users/ada", Map.of("APPDATA", "C:/Users/ada/AppData/Roaming")))
                .isEqualTo(Path.of("C:/Users/ada/AppData/Roaming/Sextant"));
        String before = System.getProperty(AppPaths.HOME_PROPERTY);
        try {
            System.clearProperty(AppPaths.HOME_PROPERTY);
            assertThat(AppPaths.resolve(Map.of(AppPaths.HOME_ENV, "/tmp/from-env")).home()).isEqualTo(Path.of("/tmp/from-env"));
            System.setProperty(AppPaths.HOME_PROPERTY, "/tmp/from-flag");
            assertThat(AppPaths.resolve(Map.of(AppPaths.HOME_ENV, "/tmp/from-env")).home()).isEqualTo(Path.of("/tmp/from-flag"));
        } finally {
            if (before == null) {
                System.clearProperty(AppPaths.HOME_PROPERTY);
            } else {
                System.setProperty(AppPaths.HOME_PROPERTY, before);
            }
        }
    }
}
