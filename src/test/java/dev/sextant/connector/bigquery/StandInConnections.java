package dev.sextant.connector.bigquery;

import com.google.api.gax.retrying.RetrySettings;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.testing.BigQueryStandIn;
import dev.sextant.testing.ServiceAccountKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** BigQuery connectors pointed at a stand-in, with short retries so rate-limit tests take milliseconds. */
final class StandInConnections {

    /** Three attempts, 10-40 ms apart: the same retry code as production, with shorter waits. */
    static final RetrySettings FAST_RETRIES = RetrySettings.newBuilder()
            .setMaxAttempts(3)
            .setInitialRetryDelayDuration(Duration.ofMillis(10))
            .setRetryDelayMultiplier(2.0)
            .setMaxRetryDelayDuration(Duration.ofMillis(40))
            .setTotalTimeoutDuration(Duration.ofSeconds(10))
            .setInitialRpcTimeoutDuration(Duration.ofSeconds(10))
            .setRpcTimeoutMultiplier(1.0)
            .setMaxRpcTimeoutDuration(Duration.ofSeconds(10))
            .build();

    private StandInConnections() {
    }

    static BigQueryRuntime runtime(BigQueryStandIn standIn, Map<String, String> env, Path home) {
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.putIfAbsent("NO_GCE_CHECK", "true"); // never ask a metadata server from a test
        return new BigQueryRuntime(environment, home, FAST_RETRIES, Duration.ofMillis(300), standIn.iamUrl("{account}"));
    }

    static Map<String, String> params(BigQueryStandIn standIn, String... pairs) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(BigQueryConnectorProvider.PROJECT, BigQueryStandIn.PROJECT);
        p.put(BigQueryConnectorProvider.ENDPOINT, standIn.url());
        p.put(BigQueryConnectorProvider.AUTHENTICATION, BigQueryConnectorProvider.AUTH_KEY);
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    /** A connector that logs in with the key (kept as a secret), with extra settings as name, value pairs. */
    static BigQueryConnector withKey(BigQueryStandIn standIn, ServiceAccountKey key, Path home, boolean readOnly, String... pairs) {
        return new BigQueryConnector(new ConnectionParameters(params(standIn, pairs),
                Map.of(BigQueryConnectorProvider.KEY_JSON, key.json()), readOnly), runtime(standIn, Map.of(), home));
    }
}
