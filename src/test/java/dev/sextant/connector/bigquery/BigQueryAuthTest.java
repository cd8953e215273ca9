package dev.sextant.connector.bigquery;

import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.AUTHENTICATION;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.AUTH_ADC;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.AUTH_KEY_FILE;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.DEFAULT_DATASET;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.IMPERSONATE;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.KEY_FILE;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.KEY_JSON;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.LOCATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.ServiceOptions;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.TestStage;
import dev.sextant.testing.BigQueryStandIn;
import dev.sextant.testing.ServiceAccountKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way to log in, with the real OAuth flows against the stand-in: a service-account key (kept as a
 * secret, or a file), Application Default Credentials (a user login, a key, gcloud's impersonation
 * file) and impersonation on top; bad keys; and the staged connection test.
 */
class BigQueryAuthTest extends StandInTestBase {

    static final String TARGET = "reader@" + BigQueryStandIn.PROJECT + ".iam.gserviceaccount.com";
    static ServiceAccountKey untrusted;

    @BeforeAll
    static void trust() {
        untrusted = ServiceAccountKey.unknown(standIn, "stranger");
        standIn.trustUser("user-client-1", "refresh-token-of-ada");
        standIn.allowImpersonation(key.email(), TARGET);
        standIn.allowImpersonation("user:user-client-1", TARGET);
    }

    private BigQueryConnector connector(Map<String, String> secrets, Map<String, String> env, String... settings) {
        return new BigQueryConnector(new ConnectionParameters(StandInConnections.params(standIn, settings), secrets, false),
                StandInConnections.runtime(standIn, env, home));
    }

    /** Lists datasets and returns the principal BigQuery saw. */
    private String whoListsDatasets(BigQueryConnector c) {
        try (c) {
            c.connect();
            assertThat(c.listSchemas()).hasSize(2);
        }
        List<BigQueryStandIn.Request> calls = standIn.requests("GET", ".*/datasets");
        assertThat(calls).isNotEmpty();
        return calls.get(calls.size() - 1).principal();
    }

    private String userLogin() {
        return "{\"type\": \"authorized_user\", \"client_id\": \"user-client-1\", \"client_secret\": \"not-so-secret\", "
                + "\"refresh_token\": \"refresh-token-of-ada\", \"token_uri\": \"" + standIn.tokenUri() + "\"}";
    }

    @Test
    void aServiceAccountKeyFromTheSecretStoreLogsInAsThatAccount() {
        assertThat(whoListsDatasets(connector(Map.of(KEY_JSON, key.json()), Map.of()))).isEqualTo(key.email());
        assertThat(standIn.requests("POST", "/token")).hasSize(1);
    }

    @Test
    void aKeyFileLogsInAsItsAccount() throws Exception {
        Path file = Files.writeString(home.resolve("key.json"), key.json());
        assertThat(whoListsDatasets(connector(Map.of(), Map.of(), AUTHENTICATION, AUTH_KEY_FILE, KEY_FILE, file.toString())))
                .isEqualTo(key.email());
    }

    @Test
    void applicationDefaultCredentialsFromGcloudsUserLogin() throws Exception {
        Path gcloud = Files.createDirectories(home.resolve(".config/gcloud"));
        Files.writeString(gcloud.resolve("application_default_credentials.json"), userLogin());
        BigQueryConnector c = connector(Map.of(), Map.of(), AUTHENTICATION, AUTH_ADC);
        assertThat(c.testConnection().summary()).containsEntry("Credential type", "user")
                .hasEntrySatisfying("Credential", v -> assertThat(v).contains("gcloud's application default credentials"));
        assertThat(whoListsDatasets(c)).isEqualTo("user:user-client-1");
    }

    @Test
    void applicationDefaultCredentialsFromGoogleApplicationCredentialsAndCloudsdkConfig() throws Exception {
        Path keyFile = Files.writeString(home.resolve("sa.json"), key.json());
        assertThat(whoListsDatasets(connector(Map.of(), Map.of("GOOGLE_APPLICATION_CREDENTIALS", keyFile.toString()),
                AUTHENTICATION, AUTH_ADC))).isEqualTo(key.email());
        Path config = Files.createDirectories(home.resolve("elsewhere"));
        Files.writeString(config.resolve("application_default_credentials.json"), userLogin());
        assertThat(whoListsDatasets(connector(Map.of(), Map.of("CLOUDSDK_CONFIG", config.toString()), AUTHENTICATION, AUTH_ADC)))
                .isEqualTo("user:user-client-1");
    }

    @Test
    void impersonationOnTopOfAKeyActsAsTheTargetAccount() {
        BigQueryConnector c = connector(Map.of(KEY_JSON, key.json()), Map.of(), IMPERSONATE, TARGET);
        ConnectionTestReport report = c.testConnection();
        assertThat(report.passed()).as(report.asText()).isTrue();
        assertThat(report.summary()).containsEntry("Credential type", "impersonated service account");
        assertThat(whoListsDatasets(c)).isEqualTo(TARGET + " (impersonated by " + key.email() + ")");
        assertThat(standIn.requests("POST", ".*:generateAccessToken")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.principal()).isEqualTo(key.email()));
    }

    @Test
    void impersonationOnTopOfApplicationDefaultCredentials() throws Exception {
        Path login = Files.writeString(home.resolve("adc.json"), userLogin());
        assertThat(whoListsDatasets(connector(Map.of(), Map.of("GOOGLE_APPLICATION_CREDENTIALS", login.toString()),
                AUTHENTICATION, AUTH_ADC, IMPERSONATE, TARGET))).isEqualTo(TARGET + " (impersonated by user:user-client-1)");
    }

    @Test
    void gcloudsImpersonationFileWorksAsApplicationDefaultCredentials() throws Exception {
        String file = "{\"type\": \"impersonated_service_account\", \"service_account_impersonation_url\": \""
                + standIn.iamUrl(TARGET) + "\", \"delegates\": [], \"source_credentials\": " + userLogin() + "}";
        Path adc = Files.writeString(home.resolve("impersonated.json"), file);
        BigQueryConnector c = connector(Map.of(), Map.of("GOOGLE_APPLICATION_CREDENTIALS", adc.toString()), AUTHENTICATION, AUTH_ADC);
        assertThat(c.testConnection().summary()).containsEntry("Credential type", "impersonated service account");
        assertThat(whoListsDatasets(c)).isEqualTo(TARGET + " (impersonated by user:user-client-1)");
    }

    @Test
    void impersonationThatIsNotAllowedFailsAtConnectWithAClearMessage() {
        BigQueryConnector c = connector(Map.of(KEY_JSON, key.json()), Map.of(), IMPERSONATE, "admin@x.iam.gserviceaccount.com");
        assertThatThrownBy(c::connect).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
            assertThat(e.getMessage()).contains("admin@x.iam.gserviceaccount.com, impersonated by service account " + key.email(),
                    "may act as that service account");
        });
    }

    @Test
    void noApplicationDefaultCredentialsSaysHowToGetThem() {
        assertThatThrownBy(() -> connector(Map.of(), Map.of(), AUTHENTICATION, AUTH_ADC).connect())
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("No Application Default Credentials", "gcloud auth application-default login");
                });
    }

    @Test
    void badKeysAreNamedWithoutQuotingThem() throws Exception {
        String json = key.json();
        Map<String, String> cases = new HashMap<>();
        cases.put(json.substring(0, json.length() / 2), "is not a JSON key file");
        cases.put(userLogin(), "is a user login (type authorized_user");
        cases.put(json.replace("\"private_key\"", "\"private_key_gone\""), "has no 'private_key'");
        cases.put(json.replace(key.privateKeyFragment().substring(0, 20), "!!!!"), "private key is damaged");
        cases.put("{\"type\": \"external_account\"}", "workload identity federation");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertThatThrownBy(() -> connector(Map.of(KEY_JSON, c.getKey()), Map.of()).connect())
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                        assertThat(e.getMessage()).contains(c.getValue()).doesNotContain(key.privateKeyFragment().substring(30))
                                .doesNotContain("refresh-token-of-ada");
                    });
        }
        assertThatThrownBy(() -> connector(Map.of(), Map.of(), AUTHENTICATION, AUTH_KEY_FILE, KEY_FILE,
                home.resolve("missing.json").toString()).connect()).hasMessageContaining("missing.json does not exist");
    }

    @Test
    void theConnectionTestWalksThroughEveryStage() {
        ConnectionTestReport report = connector(Map.of(KEY_JSON, key.json()), Map.of(), DEFAULT_DATASET, "shop", LOCATION, "US")
                .testConnection();
        assertThat(report.passed()).as(report.asText()).isTrue();
        assertThat(report.stages()).extracting(TestStage::name).containsExactly("Check the settings", "Find credentials",
                "Get an access token", "List datasets", "Find the default dataset", "Dry-run a query");
        assertThat(report.summary()).containsEntry("Credential type", "service account").containsEntry("Project", BigQueryStandIn.PROJECT)
                .containsEntry("Billing project", BigQueryStandIn.PROJECT).containsEntry("Location", "US").containsEntry("Datasets", "2");
        assertThat(report.asText()).contains("[ok]   Dry-run a query", "Connection works.").doesNotContain(key.privateKeyFragment());
    }

    @Test
    void eachFailingStageSaysWhatToDo() {
        assertThat(failingStage(connector(Map.of(), Map.of(), AUTHENTICATION, AUTH_ADC)))
                .satisfies(s -> assertThat(s.name()).isEqualTo("Find credentials"))
                .satisfies(s -> assertThat(s.message()).contains("No Application Default Credentials"));
        assertThat(failingStage(connector(Map.of(KEY_JSON, untrusted.json()), Map.of())))
                .satisfies(s -> assertThat(s.name()).isEqualTo("Get an access token"))
                .satisfies(s -> assertThat(s.message()).contains("invalid_grant", "Check that the key is still valid"));

        standIn.fail("GET", ".*/datasets", 1, 403, "accessDenied",
                "Access Denied: Project sextant-test: User does not have bigquery.datasets.list permission in project sextant-test.");
        assertThat(failingStage(connector(Map.of(KEY_JSON, key.json()), Map.of())))
                .satisfies(s -> assertThat(s.name()).isEqualTo("List datasets"))
                .satisfies(s -> assertThat(s.message()).contains("Permission denied on project sextant-test", "Metadata Viewer"));

        standIn.fail("GET", ".*/datasets", 1, 403, "accessDenied", "BigQuery API has not been used in project 123456 before "
                + "or it is disabled. Enable it by visiting the console then retry.");
        assertThat(failingStage(connector(Map.of(KEY_JSON, key.json()), Map.of())))
                .satisfies(s -> assertThat(s.message()).contains("The BigQuery API is not enabled for this project"));

        assertThat(failingStage(connector(Map.of(KEY_JSON, key.json()), Map.of(), DEFAULT_DATASET, "archive", LOCATION, "US")))
                .satisfies(s -> assertThat(s.name()).isEqualTo("Find the default dataset"))
                .satisfies(s -> assertThat(s.message()).contains("'archive' is in EU", "set 'Location' to EU"));

        standIn.fail("POST", ".*/jobs", 1, 400, "invalid", "Invalid value for location: moon");
        assertThat(failingStage(connector(Map.of(KEY_JSON, key.json()), Map.of(), LOCATION, "moon")))
                .satisfies(s -> assertThat(s.name()).isEqualTo("Dry-run a query"))
                .satisfies(s -> assertThat(s.message()).contains("refused the location 'moon'"));

        assertThat(failingStage(connector(Map.of(KEY_JSON, key.json()), Map.of(), BigQueryConnectorProvider.MAX_BYTES_BILLED, "lots")))
                .satisfies(s -> assertThat(s.name()).isEqualTo("Check the settings"))
                .satisfies(s -> assertThat(s.message()).contains("'Maximum bytes billed'", "10 GB"));
    }

    private static TestStage failingStage(BigQueryConnector c) {
        ConnectionTestReport report = c.testConnection();
        assertThat(report.passed()).isFalse();
        TestStage last = report.stages().get(report.stages().size() - 1);
        assertThat(last.passed()).isFalse();
        assertThat(report.stages().subList(0, report.stages().size() - 1)).allMatch(TestStage::passed);
        return last;
    }

    @Test
    void productionUsesTheClientsOwnRetryDefaults() {
        BigQueryConnector c = (BigQueryConnector) new BigQueryConnectorProvider().create(ConnectionParameters.of(
                Map.of(BigQueryConnectorProvider.PROJECT, "p")));
        assertThat(c.runtime().retrySettings()).isEqualTo(ServiceOptions.getDefaultRetrySettings());
        assertThat(c.runtime().retrySettings().getMaxAttempts()).isEqualTo(6);
        assertThat(c.runtime().retrySettings().getTotalTimeoutDuration()).isEqualTo(Duration.ofSeconds(50));
        assertThat(c.runtime().iamEndpoint()).as("Google's own IAM endpoint").isNull();
        assertThat(c.runtime().environment()).isEqualTo(System.getenv());
        var options = c.options(BigQuerySettings.from(ConnectionParameters.of(Map.of(BigQueryConnectorProvider.PROJECT, "p",
                BigQueryConnectorProvider.BILLING_PROJECT, "billing"))), com.google.auth.oauth2.GoogleCredentials.create(null));
        assertThat(options.getRetrySettings()).isEqualTo(ServiceOptions.getDefaultRetrySettings());
        assertThat(options.getProjectId()).as("jobs run in the billing project").isEqualTo("billing");
        assertThat(options.getHost()).as("Google's endpoint unless overridden").endsWith(".googleapis.com");
    }

    @Test
    void settingsAreCheckedWithMessagesThatNameTheField() {
        assertThat(BigQuerySettings.parseBytes("10 GB")).isEqualTo(10L << 30);
        assertThat(BigQuerySettings.parseBytes("500MiB")).isEqualTo(500L << 20);
        assertThat(BigQuerySettings.parseBytes("1048576")).isEqualTo(1_048_576);
        assertThat(BigQuerySettings.parseBytes("1.5 TB")).isEqualTo(3L << 39);
        assertThat(BigQuerySettings.parseLabels("team=data, env=prod")).containsExactly(Map.entry("team", "data"), Map.entry("env", "prod"));
        assertThatThrownBy(() -> BigQuerySettings.parseLabels("Team=Data")).hasMessageContaining("'Labels'");
        assertThatThrownBy(() -> BigQuerySettings.from(ConnectionParameters.of(Map.of(BigQueryConnectorProvider.PROJECT, "p",
                BigQueryConnectorProvider.ENDPOINT, "bigquery.internal")))).hasMessageContaining("'Endpoint override'");
        assertThatThrownBy(() -> BigQuerySettings.from(ConnectionParameters.of(Map.of()))).hasMessageContaining("'Project'");
    }
}
