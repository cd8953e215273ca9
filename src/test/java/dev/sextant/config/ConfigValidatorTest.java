package dev.sextant.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.connector.ConnectorRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checks every saved, imported or command-line config goes through, for fields that apply only to some
 * values of another field (BigQuery's keys by the way of logging in).
 */
class ConfigValidatorTest {

    private final ConfigValidator validator = new ConfigValidator(ConnectorRegistry.loadInstalled());

    private List<String> problems(Map<String, String> settings, Map<String, String> secrets) {
        ExternalDatabaseConfig config = new ExternalDatabaseConfig("id-1", "Analytics", "bigquery", settings, secrets,
                ConnectionKind.DEVELOPMENT, false);
        return validator.problems(config).stream().map(FieldProblem::message).toList();
    }

    @Test
    void aKeyIsRequiredOnlyByTheWayOfLoggingInThatUsesIt() {
        assertThat(problems(Map.of("projectId", "acme", "authentication", "service-account-key-file"), Map.of()))
                .containsExactly("'Service-account key file' is required.");
        assertThat(problems(Map.of("projectId", "acme", "authentication", "service-account-key"), Map.of()))
                .containsExactly("'Service-account key (JSON)' is required.");
        assertThat(problems(Map.of("projectId", "acme", "authentication", "service-account-key"),
                Map.of("serviceAccountKey", "env:ACME_KEY"))).isEmpty();

        // Application Default Credentials, named or by default: neither key is asked for
        assertThat(problems(Map.of("projectId", "acme", "authentication", "application-default"), Map.of())).isEmpty();
        assertThat(problems(Map.of("projectId", "acme"), Map.of())).isEmpty();
    }

    @Test
    void aSecretAmongThePlainSettingsIsRefusedEvenWhereItDoesNotApply() {
        assertThat(problems(Map.of("projectId", "acme", "authentication", "application-default",
                "serviceAccountKey", "{\"private_key\": \"...\"}"), Map.of()))
                .anySatisfy(m -> assertThat(m).startsWith("'Service-account key (JSON)' is a secret"));
    }
}
