package dev.sextant.connector.bigquery;

import com.google.auth.oauth2.AccessToken;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.TestStage;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staged connection test: settings, which credential was found (and its type), an access token,
 * listing the project's datasets, the default dataset's location against the connection's, and a dry run
 * of {@code SELECT 1} in the billing project. It stops at the first failing stage and says what to do.
 */
final class BigQueryDiagnostic {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ConnectionParameters parameters;
    private final BigQueryRuntime runtime;
    private final BigQueryConnector connector;
    private final List<TestStage> stages = new ArrayList<>();
    private final Map<String, String> summary = new LinkedHashMap<>();

    BigQueryDiagnostic(ConnectionParameters parameters, BigQueryRuntime runtime, BigQueryConnector connector) {
        this.parameters = parameters;
        this.runtime = runtime;
        this.connector = connector;
    }

    ConnectionTestReport run() {
        long t = System.nanoTime();
        BigQuerySettings settings;
        try {
            settings = BigQuerySettings.from(parameters);
        } catch (ConnectorException e) {
            return fail("Check the settings", t, e.getMessage());
        }
        pass("Check the settings", t, "project " + settings.project());

        t = System.nanoTime();
        BigQueryCredentials.Found found;
        try {
            found = BigQueryCredentials.find(settings, parameters, runtime);
        } catch (ConnectorException e) {
            return fail("Find credentials", t, e.getMessage());
        }
        summary.put("Credential", found.description());
        summary.put("Credential type", found.type());
        pass("Find credentials", t, found.type() + ": " + found.description());

        t = System.nanoTime();
        try {
            found.credentials().refresh();
            AccessToken token = found.credentials().getAccessToken();
            pass("Get an access token", t, token == null || token.getExpirationTime() == null ? "token received"
                    : "token valid until " + TIME.format(token.getExpirationTime().toInstant()));
        } catch (Exception e) {
            return fail("Get an access token", t, BigQueryConnector.tokenFailure(found, e).getMessage());
        }

        BigQuery bq = connector.options(settings, found.credentials()).getService();
        BigQueryErrors errors = connector.errors();
        summary.put("Project", settings.project());
        summary.put("Billing project", settings.billingProject());
        summary.put("Location", settings.location().isEmpty() ? "chosen by BigQuery from the tables" : settings.location());

        t = System.nanoTime();
        try {
            int count = 0;
            for (Dataset ignored : bq.listDatasets(settings.project()).iterateAll()) {
                count++;
            }
            summary.put("Datasets", String.valueOf(count));
            pass("List datasets", t, count + " dataset" + (count == 1 ? "" : "s") + " in " + settings.project());
        } catch (RuntimeException e) {
            return fail("List datasets", t, listProblem(errors.translate(e, null), settings));
        }

        if (!settings.defaultDataset().isEmpty()) {
            t = System.nanoTime();
            try {
                Dataset d = bq.getDataset(DatasetId.of(settings.project(), settings.defaultDataset()));
                if (d == null) {
                    return fail("Find the default dataset", t, "The default dataset '" + settings.defaultDataset()
                            + "' does not exist in project " + settings.project() + ".");
                }
                String where = d.getLocation() == null ? "" : d.getLocation();
                if (!settings.location().isEmpty() && !where.isEmpty() && !where.equalsIgnoreCase(settings.location())) {
                    return fail("Find the default dataset", t, "The default dataset '" + settings.defaultDataset() + "' is in "
                            + where + ", but the connection's location is " + settings.location() + ": set 'Location' to "
                            + where + " or leave it empty.");
                }
                pass("Find the default dataset", t, settings.defaultDataset() + (where.isEmpty() ? "" : " in " + where));
            } catch (RuntimeException e) {
                return fail("Find the default dataset", t, errors.translate(e, null).getMessage());
            }
        }

        t = System.nanoTime();
        try {
            JobId.Builder id = JobId.newBuilder().setRandomJob();
            if (!settings.location().isEmpty()) {
                id.setLocation(settings.location());
            }
            Job job = bq.create(JobInfo.of(id.build(), QueryJobConfiguration.newBuilder("SELECT 1")
                    .setUseLegacySql(false).setDryRun(true).build()));
            JobStatistics.QueryStatistics stats = job.getStatistics();
            pass("Dry-run a query", t, "SELECT 1 would process " + (stats.getTotalBytesProcessed() == null ? 0
                    : stats.getTotalBytesProcessed()) + " bytes in " + settings.billingProject());
        } catch (RuntimeException e) {
            return fail("Dry-run a query", t, dryRunProblem(errors.translate(e, null), settings));
        }
        if (settings.maximumBytesBilled() > 0) {
            summary.put("Maximum bytes billed", BigQueryRunInfo.bytes(settings.maximumBytesBilled()));
        }
        return new ConnectionTestReport(stages, summary);
    }

    private static String listProblem(ConnectorException e, BigQuerySettings s) {
        return switch (e.kind()) {
            case PERMISSION -> e.getMessage().contains("not enabled") ? e.getMessage()
                    : "Permission denied on project " + s.project() + ": the credential may not list its datasets. Ask for "
                    + "the BigQuery Metadata Viewer (or Data Viewer) role on the project. BigQuery said: " + e.getMessage();
            case NOT_FOUND -> "Project " + s.project() + " was not found. Check the project id (not its display name).";
            default -> e.getMessage();
        };
    }

    private static String dryRunProblem(ConnectorException e, BigQuerySettings s) {
        String message = e.getMessage();
        if (message.toLowerCase(java.util.Locale.ROOT).contains("location")) {
            return "BigQuery refused the location '" + s.location() + "': " + message + " Use a location such as US, EU or "
                    + "europe-west3, or leave it empty.";
        }
        if (e.kind() == ErrorKind.PERMISSION && !message.contains("not enabled")) {
            return "The credential may not run queries in the billing project " + s.billingProject() + ": ask for the "
                    + "BigQuery Job User role there, or set another billing project. BigQuery said: " + message;
        }
        return message;
    }

    private void pass(String name, long startNanos, String message) {
        stages.add(new TestStage(name, true, Duration.ofNanos(System.nanoTime() - startNanos), message));
    }

    private ConnectionTestReport fail(String name, long startNanos, String message) {
        stages.add(new TestStage(name, false, Duration.ofNanos(System.nanoTime() - startNanos), message));
        return new ConnectionTestReport(stages, summary);
    }
}
