package dev.sextant.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.sql.ParameterType;
import dev.sextant.sql.ParameterValue;
import dev.sextant.store.LocalStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History and editor state in a real store file. */
class QueryHistoryTest {

    @TempDir
    Path dir;

    private static HistoryEntry run(String sql, String connection, HistoryEntry.Outcome outcome, String error, Instant at,
                                    String parameters) {
        return new HistoryEntry(0, null, connection, sql, at, 12, 3, -1, outcome, error, parameters);
    }

    @Test
    void searchFindsRunsByTextConnectionAndErrorNewestFirst() {
        try (LocalStore store = LocalStore.open(dir)) {
            QueryHistory history = new QueryHistory(store);
            Instant t = Instant.parse("2026-01-01T10:00:00Z");
            history.record(run("SELECT * FROM orders", "Warehouse", HistoryEntry.Outcome.SUCCEEDED, null, t, ""));
            history.record(run("DELETE FROM orders_100%", "Local", HistoryEntry.Outcome.FAILED, "permission denied", t.plusSeconds(1), ""));
            history.record(run("SELECT 1", "Warehouse", HistoryEntry.Outcome.CANCELLED, null, t.plusSeconds(2), ""));

            assertThat(history.search("", 10)).extracting(HistoryEntry::sql)
                    .containsExactly("SELECT 1", "DELETE FROM orders_100%", "SELECT * FROM orders");
            assertThat(history.search("orders", 10)).hasSize(2);
            assertThat(history.search("ORDERS warehouse", 10)).extracting(HistoryEntry::sql).containsExactly("SELECT * FROM orders");
            assertThat(history.search("permission", 10)).singleElement()
                    .satisfies(e -> assertThat(e.outcome()).isEqualTo(HistoryEntry.Outcome.FAILED));
            assertThat(history.search("100%", 10)).hasSize(1);
            assertThat(history.search("d_l", 10)).as("_ is no wildcard").isEmpty();
            assertThat(history.search("", 1)).hasSize(1);
        }
    }

    @Test
    void aSecretParameterValueNeverReachesTheStore() throws Exception {
        String secret = "s3cr3t-token-value";
        List<ParameterValue> values = List.of(new ParameterValue(":id", ParameterType.INTEGER, "5", false),
                new ParameterValue(":token", ParameterType.TEXT, secret, true));
        try (LocalStore store = LocalStore.open(dir)) {
            new QueryHistory(store).record(run("SELECT * FROM t WHERE id = :id AND token = :token", "W",
                    HistoryEntry.Outcome.SUCCEEDED, null, Instant.now(), QueryHistory.describe(values)));
            WorkbenchState state = new WorkbenchState(store);
            state.saveParameters("cfg", values);
            assertThat(state.loadParameters("cfg")).containsExactly(values.get(0));
            assertThat(new QueryHistory(store).search("token", 1).get(0).parameters())
                    .isEqualTo(":id = '5' (Integer), :token = (secret)");
            try (Connection c = store.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SCRIPT NODATA")) {
                rs.next();
            }
        }
        byte[] file = Files.readAllBytes(dir.resolve("sextant.mv.db"));
        assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
    }

    @Test
    void openTabsComeBackWithTheirText() {
        try (LocalStore store = LocalStore.open(dir)) {
            new WorkbenchState(store).saveTabs(List.of(new SavedTab("a", "Sample · query 1", "SELECT 1;\n-- ünïcode", null, false),
                    new SavedTab("b", "report.sql", "SELECT 2", "/x/report.sql", true)));
        }
        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(new WorkbenchState(store).loadTabs()).extracting(SavedTab::sql).containsExactly("SELECT 1;\n-- ünïcode", "SELECT 2");
            assertThat(new WorkbenchState(store).loadTabs().get(1).modified()).isTrue();
        }
    }
}
