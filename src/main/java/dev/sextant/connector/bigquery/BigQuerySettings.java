package dev.sextant.connector.bigquery;

import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.AUTHENTICATION;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.AUTH_ADC;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.AUTH_METHODS;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.BILLING_PROJECT;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.DEFAULT_DATASET;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.ENDPOINT;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.IMPERSONATE;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.JOB_TIMEOUT;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.KEY_FILE;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.LABELS;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.LOCATION;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.MAX_BYTES_BILLED;
import static dev.sextant.connector.bigquery.BigQueryConnectorProvider.PROJECT;

import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A BigQuery connection's settings, read once from its parameters and checked, so that a bad value
 * fails at connect time with a message naming the field rather than halfway through a query.
 *
 * @param billingProject     where jobs run and are billed (the project itself when not set)
 * @param defaultDataset     empty when not set
 * @param location           empty when BigQuery should pick it
 * @param maximumBytesBilled the cap per query in bytes, or -1 for none
 * @param jobTimeoutMillis   0 for none
 * @param endpoint           the API root URL, or null for Google's
 * @param impersonate        the service account to impersonate, or empty
 */
record BigQuerySettings(String project, String billingProject, String defaultDataset, String location,
                        long maximumBytesBilled, long jobTimeoutMillis, Map<String, String> labels, String endpoint,
                        String authentication, String keyFile, String impersonate) {

    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGTP]?I?B?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL_KEY = Pattern.compile("[\\p{Ll}\\p{Lo}][\\p{Ll}\\p{Lo}\\p{N}_-]{0,62}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}_-]{0,63}");

    static BigQuerySettings from(ConnectionParameters p) {
        String project = p.required(PROJECT, "Project");
        String authentication = p.value(AUTHENTICATION).orElse(AUTH_ADC);
        if (!AUTH_METHODS.contains(authentication)) {
            throw invalid("'Authentication' must be one of " + String.join(", ", AUTH_METHODS) + ", not '" + authentication + "'.");
        }
        long jobTimeout = p.intValue(JOB_TIMEOUT, "Job timeout (s)", 0);
        if (jobTimeout < 0) {
            throw invalid("'Job timeout (s)' must not be negative.");
        }
        return new BigQuerySettings(project, p.value(BILLING_PROJECT).orElse(project), p.value(DEFAULT_DATASET).orElse(""),
                p.value(LOCATION).orElse(""), p.value(MAX_BYTES_BILLED).map(BigQuerySettings::parseBytes).orElse(-1L),
                jobTimeout * 1000, p.value(LABELS).map(BigQuerySettings::parseLabels).orElse(Map.of()),
                p.value(ENDPOINT).map(BigQuerySettings::checkEndpoint).orElse(null), authentication,
                p.value(KEY_FILE).orElse(""), p.value(IMPERSONATE).orElse(""));
    }

    BigQuerySettings {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** Bytes with an optional unit, counted in powers of 1024 as BigQuery does: "10 GB", "500MiB", "1048576". */
    static long parseBytes(String text) {
        Matcher m = BYTES.matcher(text.strip());
        if (!m.matches()) {
            throw invalid("'Maximum bytes billed' must be a number of bytes with an optional unit (KB, MB, GB, TB), e.g. "
                    + "10 GB, not '" + text + "'.");
        }
        String unit = m.group(2).toUpperCase(Locale.ROOT).replace("I", "").replace("B", "");
        int power = unit.isEmpty() ? 0 : "KMGTP".indexOf(unit.charAt(0)) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        if (bytes.signum() <= 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw invalid("'Maximum bytes billed' must be more than 0 and less than 8 EB, not '" + text + "'.");
        }
        return bytes.longValue();
    }

    /** {@code team=data, env=prod}: BigQuery's rules for label keys and values, checked here for a clear message. */
    static Map<String, String> parseLabels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).strip();
            String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (!LABEL_KEY.matcher(key).matches() || !LABEL_VALUE.matcher(value).matches()) {
                throw invalid("'Labels' must be key=value pairs separated by commas, in lower case letters, digits, '_' "
                        + "and '-', keys starting with a letter (check '" + pair.strip() + "').");
            }
            labels.put(key, value);
        }
        return labels;
    }

    private static String checkEndpoint(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw invalid("'Endpoint override' must be a URL such as https://bigquery.example.com, not '" + url + "'.");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static ConnectorException invalid(String message) {
        return new ConnectorException(ErrorKind.INTERNAL, message);
    }
}
