package dev.sextant.connector.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.BigQueryFixture;
import dev.sextant.testing.BigQueryStandIn;
import dev.sextant.testing.ServiceAccountKey;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One stand-in and one trusted service-account key per test class; the record of requests is cleared
 * before each test, and each test ends by checking that the stand-in itself did not fail.
 */
abstract class StandInTestBase {

    static BigQueryStandIn standIn;
    static ServiceAccountKey key;

    @TempDir
    Path home;

    @BeforeAll
    static void startStandIn() {
        standIn = new BigQueryStandIn(new BigQueryFixture());
        key = ServiceAccountKey.create(standIn, "runner");
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    @BeforeEach
    void clearRequests() {
        standIn.clearRequests();
    }

    @AfterEach
    void standInWorked() {
        assertThat(standIn.problems()).isEmpty();
    }

    /** A connected connector logging in with the key, with extra settings as name, value pairs. */
    BigQueryConnector connect(String... settings) {
        BigQueryConnector c = StandInConnections.withKey(standIn, key, home, false, settings);
        c.connect();
        return c;
    }
}
