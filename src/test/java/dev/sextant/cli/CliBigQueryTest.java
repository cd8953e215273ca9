package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.app.AppPaths;
import dev.sextant.secret.FakeKeychain;
import dev.sextant.secret.SecretStore;
import dev.sextant.testing.BigQueryFixture;
import dev.sextant.testing.BigQueryStandIn;
import dev.sextant.testing.ServiceAccountKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant query} on the real BigQuery connector against the local stand-in: named parameters, and
 * on a production connection the dry run's statement type deciding what must be confirmed.
 */
class CliBigQueryTest {

    private static final String BY_CUSTOMER = "SELECT order_id FROM shop.orders WHERE customer.name = @name AND order_id > @after";
    private static final String DELETE = "DELETE FROM shop.orders WHERE order_id = ?";

    @TempDir
    Path dir;
    private BigQueryStandIn standIn;
    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        standIn = new BigQueryStandIn(new BigQueryFixture());
        ServiceAccountKey key = ServiceAccountKey.create(standIn, "cli-runner");
        Path keyFile = Files.writeString(dir.resolve("key.json"), key.json());
        BigQueryFixture.TableData orders = standIn.fixture().table("shop", "orders").orElseThrow();
        standIn.script(BY_CUSTOMER, BigQueryStandIn.Script.rows(orders.fields(), orders.rows()));
        standIn.script(DELETE, BigQueryStandIn.Script.dml("DELETE", 1));
        cli = new CliRunner(new AppPaths(dir.resolve("home")), new SecretStore(new FakeKeychain()));
        CliRunner.Run added = cli.run("connections", "add", "Lake", "--type", "bigquery", "-p", "projectId=" + BigQueryStandIn.PROJECT,
                "-p", "endpoint=" + standIn.url(), "-p", "authentication=service-account-key-file", "-p", "keyFile=" + keyFile,
                "--kind", "production");
        assertThat(added.exitCode()).as(added.all()).isZero();
    }

    @AfterEach
    void tearDown() {
        assertThat(standIn.problems()).isEmpty();
        standIn.close();
    }

    private List<BigQueryStandIn.Request> queriesRun() {
        return standIn.requests("POST", ".*/queries");
    }

    @Test
    void namedParametersAreSentByNameWithNullForBackslashN() {
        CliRunner.Run run = cli.run("query", "-c", "Lake", "--format", "csv", "--param", "@name=Customer 1",
                "--param", "@after=\\N", BY_CUSTOMER);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).startsWith("order_id,");
        assertThat(run.out().lines().skip(1).findFirst().orElseThrow()).as("structs and arrays as JSON in CSV")
                .startsWith("1,\"{\"\"name\"\":\"\"Customer 1\"\",\"\"address\"\":{\"\"city\"\":\"\"Porto\"\"");
        JsonNode body = queriesRun().get(0).body();
        JsonNode parameters = body.path("queryParameters");
        assertThat(parameters.get(0).path("name").asText()).isEqualTo("name");
        assertThat(parameters.get(0).path("parameterValue").path("value").asText()).isEqualTo("Customer 1");
        assertThat(parameters.get(1).path("name").asText()).isEqualTo("after");
        assertThat(parameters.get(1).path("parameterValue").has("value")).as("NULL has no value").isFalse();
    }

    @Test
    void onProductionTheDryRunSaysWhatMustBeConfirmed() {
        // the text is a DELETE and BigQuery's dry run says so: refused where no one can be asked
        CliRunner.Run refused = cli.run("query", "-c", "Lake", "--param", "7", DELETE);
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ExitCode.INVALID);
        assertThat(refused.err()).contains("DELETE changes data or schema on the production connection 'Lake'.");
        assertThat(queriesRun()).as("nothing ran").isEmpty();

        CliRunner.Run confirmed = cli.run("query", "-c", "Lake", "--yes", "--param", "7", DELETE);
        assertThat(confirmed.exitCode()).as(confirmed.all()).isZero();
        assertThat(queriesRun()).hasSize(1);

        // a query runs without asking, even with no one to ask
        CliRunner.Run read = cli.run("query", "-c", "Lake", "--param", "@name=x", "--param", "@after=0", BY_CUSTOMER);
        assertThat(read.exitCode()).as(read.all()).isZero();
        assertThat(queriesRun()).hasSize(2);
    }
}
