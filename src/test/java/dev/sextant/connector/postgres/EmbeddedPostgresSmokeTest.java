package dev.sextant.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The test server itself: a real PostgreSQL 17 answers on a free local port. */
class EmbeddedPostgresSmokeTest {

    @Test
    void aRealServerAnswers() throws Exception {
        String db = TestPostgres.newDatabase("smoke");
        try (Connection c = TestPostgres.server().getDatabase("postgres", db).getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("17.");
        }
        assertThat(TestPostgres.port()).isPositive();
    }
}
