package dev.sextant.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ConnectorRegistry;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.TestStage;
import dev.sextant.testing.TestPostgres;
import dev.sextant.testing.TlsPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS and pg_hba.conf against a real PostgreSQL that speaks TLS with a certificate for localhost: each
 * outcome a person meets when setting up an encrypted connection, and what the diagnostic says about it.
 */
class PgTlsTest {

    @BeforeAll
    static void server() throws SQLException {
        assumeThat(TlsPostgres.available()).as("openssl is needed to make the test certificates").isTrue();
        try (Connection c = TlsPostgres.server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'blocked') THEN "
                    + "CREATE ROLE blocked LOGIN; END IF; END $$");
        }
    }

    private static Map<String, String> settings(String host, String sslMode) {
        Map<String, String> values = new HashMap<>();
        values.put("host", host);
        values.put("port", String.valueOf(TlsPostgres.port()));
        values.put("database", "postgres");
        values.put("user", "postgres");
        values.put("sslMode", sslMode);
        values.put("connectTimeout", "3");
        return values;
    }

    private static BaseDBConnector connector(Map<String, String> values) {
        return ConnectorRegistry.loadInstalled().create("postgresql", new ConnectionParameters(values, Map.of(), false));
    }

    private static List<String> stageNames(ConnectionTestReport report) {
        return report.stages().stream().map(TestStage::name).toList();
    }

    private static TestStage failedStage(ConnectionTestReport report) {
        assertThat(report.passed()).as(report.asText()).isFalse();
        TestStage last = report.stages().get(report.stages().size() - 1);
        assertThat(last.passed()).isFalse();
        return last;
    }

    @Test
    void requireEncryptsWithoutVerifyingTheCertificate() {
        ConnectionTestReport report = connector(settings("127.0.0.1", "require")).testConnection();

        assertThat(report.passed()).as(report.asText()).isTrue();
        assertThat(stageNames(report)).containsExactly("Resolve host name", "Open TCP connection", "Negotiate TLS",
                "Log in", "Read server details", "Measure latency");
        assertThat(report.stages().get(2).message()).contains("offers TLS");
        assertThat(report.summary().get("TLS")).matches("TLSv1\\.[23], certificate not verified \\(require\\)");
    }

    @Test
    void verifyFullWithTheSigningAuthorityVerifiesTheCertificate() {
        Map<String, String> values = settings("localhost", "verify-full");
        values.put("sslRootCert", TlsPostgres.authority().toString());

        ConnectionTestReport report = connector(values).testConnection();

        assertThat(report.passed()).as(report.asText()).isTrue();
        assertThat(report.summary().get("TLS")).matches("TLSv1\\.[23], certificate verified \\(verify-full\\)");
        try (BaseDBConnector c = connector(values)) {
            c.connect();
            assertThat(c.executeSqlStatement("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", null, null))
                    .containsExactly(Map.of("ssl", true));
        }
    }

    @Test
    void aCertificateFromAnotherAuthorityIsNotTrusted() {
        Map<String, String> values = settings("localhost", "verify-ca");
        values.put("sslRootCert", TlsPostgres.otherAuthority().toString());

        TestStage failed = failedStage(connector(values).testConnection());

        assertThat(failed.name()).isEqualTo("TLS handshake");
        assertThat(failed.message()).contains("not trusted by the root certificate " + TlsPostgres.otherAuthority());
        assertThatThrownBy(() -> connector(values).connect()).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.TLS);
            assertThat(e.getMessage()).contains("not trusted");
        });
    }

    @Test
    void verifyFullRefusesACertificateThatDoesNotNameTheHost() {
        Map<String, String> values = settings("127.0.0.1", "verify-full");
        values.put("sslRootCert", TlsPostgres.authority().toString());

        TestStage failed = failedStage(connector(values).testConnection());

        assertThat(failed.name()).isEqualTo("TLS handshake");
        assertThat(failed.message()).contains("does not name the host '127.0.0.1'", "verify-ca");
    }

    @Test
    void anUnreadableRootCertificateIsNamed() {
        Map<String, String> values = settings("localhost", "verify-full");
        values.put("sslRootCert", "/no/such/folder/root.crt");

        TestStage failed = failedStage(connector(values).testConnection());

        assertThat(failed.name()).isEqualTo("TLS handshake");
        assertThat(failed.message()).contains("Could not read the root certificate /no/such/folder/root.crt");
    }

    @Test
    void aServerThatRequiresTlsRefusesAPlainConnectionAndSaysWhatToChange() {
        TestStage failed = failedStage(connector(settings("127.0.0.1", "disable")).testConnection());

        assertThat(failed.name()).isEqualTo("Log in");
        assertThat(failed.message()).contains("pg_hba.conf", "without TLS: set SSL mode to require or stricter");
    }

    @Test
    void aRoleThatPgHbaRejectsIsNamed() {
        Map<String, String> values = settings("127.0.0.1", "require");
        values.put("user", "blocked");

        TestStage failed = failedStage(connector(values).testConnection());

        assertThat(failed.name()).isEqualTo("Log in");
        assertThat(failed.message()).isEqualTo("The server's pg_hba.conf does not allow user 'blocked' to reach 'postgres' "
                + "from this machine.");
    }

    @Test
    void requiringTlsFromAServerWithoutItFailsAtTheNegotiation() {
        Map<String, String> values = settings("127.0.0.1", "require");
        values.put("port", String.valueOf(TestPostgres.port()));

        TestStage failed = failedStage(connector(values).testConnection());

        assertThat(failed.name()).isEqualTo("Negotiate TLS");
        assertThat(failed.message()).contains("does not offer TLS", "SSL mode is require");
    }
}
