package dev.sextant.connector.bigquery;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.ServiceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the connector takes from the machine rather than from the connection's settings: the
 * environment and home folder (where Application Default Credentials are looked up), the client's retry
 * policy, how long one wait for a running job may block, and the IAM endpoint used for impersonation.
 * Production uses {@link #production()}; tests point these at a local stand-in and shorten the retries,
 * so a rate-limit test does not wait the client's 50 seconds.
 *
 * @param environment     the process environment (GOOGLE_APPLICATION_CREDENTIALS, CLOUDSDK_CONFIG, APPDATA, NO_GCE_CHECK)
 * @param userHome        the user's home folder, where gcloud keeps its files
 * @param retrySettings   retries of every API call (rate limits, 5xx, network)
 * @param jobWait         how long one call may wait for a running job before the connector checks for cancel
 * @param iamEndpoint     the full generateAccessToken URL for impersonation, or null for Google's own
 */
record BigQueryRuntime(Map<String, String> environment, Path userHome, RetrySettings retrySettings, Duration jobWait,
                       String iamEndpoint) {

    BigQueryRuntime {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(retrySettings, "retrySettings");
        Objects.requireNonNull(jobWait, "jobWait");
    }

    /** This machine's environment and the client library's own retry defaults (6 attempts within about 50 s). */
    static BigQueryRuntime production() {
        return new BigQueryRuntime(System.getenv(), Path.of(System.getProperty("user.home")),
                ServiceOptions.getDefaultRetrySettings(), Duration.ofSeconds(2), null);
    }

    String env(String name) {
        String v = environment.get(name);
        return v == null || v.isBlank() ? null : v;
    }
}
