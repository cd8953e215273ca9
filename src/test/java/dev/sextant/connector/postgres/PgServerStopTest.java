package dev.sextant.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.ResultCursor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole server going away in the middle of a fetch, on a server of this test's own (the shared one
 * keeps running for the others): the user gets a clear error, and once the server is back the next
 * statement works without reconnecting by hand.
 */
class PgServerStopTest {

    @Test
    void aServerStoppedMidFetchGivesAClearErrorAndTheNextStatementReconnectsOnceItIsBack() throws Exception {
        Path data = Files.createTempDirectory("sextant-pg-stop");
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        int port = server.getPort();
        BaseDBConnector connector = ConnectorRegistry.loadInstalled().create("postgresql", ConnectionParameters.of(Map.of(
                "host", "127.0.0.1", "port", String.valueOf(port), "database", "postgres", "user", "postgres",
                "sslMode", "disable", "connectTimeout", "3")));
        try {
            connector.connect();
            ResultCursor cursor = connector.openCursor("SELECT g, md5(g::text) FROM generate_series(1, 2000000) g",
                    List.of(), 100);
            assertThat(cursor.nextPage(100).size()).isEqualTo(100);

            server.close();

            assertThatThrownBy(() -> {
                while (cursor.hasMore()) {
                    cursor.nextPage(1000);
                }
            }).isInstanceOfSatisfying(ConnectorException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK);
                assertThat(e.getMessage()).startsWith("The connection to the server was lost")
                        .contains("Sextant reconnects by itself");
            });
            cursor.close();
            assertThatThrownBy(() -> connector.executeSqlStatement("SELECT 1 AS one", null, null))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NETWORK));

            server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();

            assertThat(connector.executeSqlStatement("SELECT 1 AS one", null, null)).containsExactly(Map.of("one", 1));
            assertThat(connector.listSchemas()).extracting(s -> s.name()).contains("public");
        } finally {
            connector.disconnect();
            server.close();
        }
    }
}
