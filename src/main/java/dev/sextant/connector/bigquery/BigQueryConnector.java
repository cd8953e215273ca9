package dev.sextant.connector.bigquery;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobException;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.JobStatus;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.TableResult;
import com.google.cloud.http.HttpTransportOptions;
import dev.sextant.connector.BaseDBConnector;
import dev.sextant.connector.ConnectionParameters;
import dev.sextant.connector.ConnectionTestReport;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import dev.sextant.connector.QueryEstimate;
import dev.sextant.connector.ResultCursor;
import dev.sextant.connector.SqlDialect;
import dev.sextant.schema.Schema;
import dev.sextant.schema.SchemaRef;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google BigQuery through the google-cloud-bigquery client. A statement runs as a query job: short ones
 * come back with their first page in one jobs.query call, longer ones are waited for; later pages are read
 * through page tokens only as they are asked for. Every query carries the connection's cap on bytes
 * billed, its labels and job timeout. Read-only connections dry-run each statement first and refuse it
 * unless BigQuery calls it a SELECT. {@link #estimate} is the dry run itself.
 *
 * <p>Query parameters: positional values fill {@code ?} markers; named ones ({@code @name}) are passed
 * as {@code Map.entry("name", value)} elements or as one {@code Map}. Java types decide BigQuery's types
 * (Long is INT64, BigDecimal NUMERIC or BIGNUMERIC, Instant/OffsetDateTime TIMESTAMP, LocalDateTime
 * DATETIME, List ARRAY, Map STRUCT).
 */
public final class BigQueryConnector extends BaseDBConnector {

    private static final Logger LOG = LoggerFactory.getLogger(BigQueryConnector.class);
    private static final int HTTP_CONNECT_TIMEOUT_MS = 20_000;
    private static final int HTTP_READ_TIMEOUT_MS = 60_000;

    private final BigQueryRuntime runtime;
    private final BigQueryErrors errors;
    private final Set<RunningQuery> running = ConcurrentHashMap.newKeySet();
    private volatile BigQuery client;
    private volatile BigQuerySettings settings;

    BigQueryConnector(ConnectionParameters parameters, BigQueryRuntime runtime) {
        super(parameters);
        this.runtime = runtime;
        this.errors = new BigQueryErrors(runtime.retrySettings().getMaxAttempts());
    }

    @Override
    public SqlDialect dialect() {
        return BigQueryConnectorProvider.DIALECT;
    }

    /**
     * Finds the credentials and gets a first access token, so a wrong key or an expired login fails here
     * with a clear message rather than in the middle of the first query.
     */
    @Override
    public synchronized void connect() {
        if (client != null) {
            return;
        }
        BigQuerySettings s = BigQuerySettings.from(parameters());
        BigQueryCredentials.Found found = BigQueryCredentials.find(s, parameters(), runtime);
        try {
            found.credentials().refreshIfExpired();
        } catch (IOException | RuntimeException e) {
            throw tokenFailure(found, e);
        }
        settings = s;
        client = options(s, found.credentials()).getService();
        LOG.debug("Connected to BigQuery project {} as {}", s.project(), found.description());
    }

    /** The client's options: billing project, location, credentials, endpoint, retries and HTTP timeouts. */
    BigQueryOptions options(BigQuerySettings s, GoogleCredentials credentials) {
        BigQueryOptions.Builder b = BigQueryOptions.newBuilder()
                .setProjectId(s.billingProject())
                .setCredentials(credentials)
                .setRetrySettings(runtime.retrySettings())
                .setTransportOptions(HttpTransportOptions.newBuilder()
                        .setConnectTimeout(HTTP_CONNECT_TIMEOUT_MS).setReadTimeout(HTTP_READ_TIMEOUT_MS).build());
        if (!s.location().isEmpty()) {
            b.setLocation(s.location());
        }
        if (s.endpoint() != null) {
            b.setHost(s.endpoint());
        }
        return b.build();
    }

    static ConnectorException tokenFailure(BigQueryCredentials.Found found, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = BigQueryErrors.redact(String.valueOf(e.getMessage())
                + (root == e || root.getMessage() == null ? "" : " (" + root.getMessage().strip() + ")"));
        return new ConnectorException(ErrorKind.AUTHENTICATION, "Getting an access token for the " + found.description()
                + " failed: " + detail + (found.type().equals("user") ? " Run 'gcloud auth application-default login' again."
                : " Check that the key is still valid and, for impersonation, that it may act as that service account."), e);
    }

    @Override
    public synchronized void disconnect() {
        cancel();
        client = null;
    }

    @Override
    public boolean isConnected() {
        return client != null;
    }

    BigQuery client() {
        BigQuery c = client;
        if (c == null) {
            throw new ConnectorException(ErrorKind.INTERNAL, "Not connected. Connect before running statements.");
        }
        return c;
    }

    BigQuerySettings settings() {
        client();
        return settings;
    }

    /** A query job's configuration with every per-connection setting: default dataset, cap, timeout, labels. */
    QueryJobConfiguration queryConfig(String sql, List<?> params) {
        BigQuerySettings s = settings();
        QueryJobConfiguration.Builder b = QueryJobConfiguration.newBuilder(sql).setUseLegacySql(false);
        if (!s.defaultDataset().isEmpty()) {
            b.setDefaultDataset(DatasetId.of(s.project(), s.defaultDataset()));
        }
        if (s.maximumBytesBilled() > 0) {
            b.setMaximumBytesBilled(s.maximumBytesBilled());
        }
        if (s.jobTimeoutMillis() > 0) {
            b.setJobTimeoutMs(s.jobTimeoutMillis());
        }
        if (!s.labels().isEmpty()) {
            b.setLabels(s.labels());
        }
        BigQueryParameters.bind(b, params);
        return b.build();
    }

    /** The dry run: BigQuery's statement type and the bytes the statement would process, without running it. */
    @Override
    public Optional<QueryEstimate> estimate(String sql, List<?> params) {
        requireStatement(sql);
        // without the cap: the estimate itself compares the bytes with it, and says by how much it is exceeded
        QueryJobConfiguration config = queryConfig(sql, params == null ? List.of() : params).toBuilder().setDryRun(true)
                .setMaximumBytesBilled(null).build();
        try {
            Job job = client().create(JobInfo.of(newJobId(), config));
            JobStatistics.QueryStatistics stats = job.getStatistics();
            String type = stats.getStatementType() == null ? "UNKNOWN" : stats.getStatementType().toString();
            long bytes = stats.getTotalBytesProcessed() == null ? -1 : stats.getTotalBytesProcessed();
            return Optional.of(new QueryEstimate(type, type.equals("SELECT"), bytes, settings().maximumBytesBilled()));
        } catch (RuntimeException e) {
            throw errors.translate(e, sql);
        }
    }

    private JobId newJobId() {
        JobId.Builder id = JobId.newBuilder().setRandomJob();
        if (!settings().location().isEmpty()) {
            id.setLocation(settings().location());
        }
        return id.build();
    }

    @Override
    public ResultCursor openCursor(String sql, List<?> params, int fetchSize) {
        requireStatement(sql);
        BigQuery bq = client();
        List<?> values = params == null ? List.of() : params;
        if (parameters().readOnly()) {
            QueryEstimate estimate = estimate(sql, values).orElseThrow();
            if (!estimate.query()) {
                throw new ConnectorException(ErrorKind.READ_ONLY_VIOLATION, "This connection is read-only, and BigQuery's dry "
                        + "run says this statement is " + article(estimate.statementType()) + " " + estimate.statementType()
                        + ", not a query. Nothing was run.");
            }
        }
        int pageSize = Math.max(1, fetchSize);
        QueryJobConfiguration config = queryConfig(sql, values).toBuilder().setMaxResults((long) pageSize).build();
        RunningQuery run = new RunningQuery(bq);
        running.add(run);
        long started = System.nanoTime();
        try {
            // A job timeout is part of the full job configuration, which only jobs.insert takes. The client would
            // then insert and wait itself, out of reach of cancel; so the connector inserts and waits.
            Object outcome = settings().jobTimeoutMillis() > 0 ? bq.create(JobInfo.of(newJobId(), config))
                    : bq.queryWithTimeout(config, null, runtime.jobWait().toMillis());
            if (outcome instanceof TableResult done) {
                // the fast path: jobs.query answered with the first page; the job resource has the statistics
                run.started(done.getJobId());
                run.checkCancelled();
                Job finished = done.getJobId() == null ? null : bq.getJob(done.getJobId());
                return cursor(done, finished, started);
            }
            Job job = (Job) outcome;
            run.started(job.getJobId());
            job = waitUntilDone(bq, job, run);
            if (job.getStatus().getError() != null) {
                throw errors.fromJobError(job.getStatus().getError(), sql);
            }
            return cursor(job.getQueryResults(BigQuery.QueryResultsOption.pageSize(pageSize)), job, started);
        } catch (JobException e) {
            throw run.cancelled() ? cancelled(e) : e.getErrors() == null || e.getErrors().isEmpty()
                    ? errors.translate(e, sql) : errors.fromJobError(e.getErrors().get(0), sql);
        } catch (BigQueryException e) {
            throw run.cancelled() ? cancelled(e) : errors.translate(e, sql);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel();
            throw cancelled(e);
        } catch (RuntimeException e) {
            throw run.cancelled() ? cancelled(e) : errors.translate(e, sql);
        } finally {
            running.remove(run);
        }
    }

    /**
     * Waits for a job with BigQuery's long poll (getQueryResults returns as soon as the job is done, or after
     * the wait), checking for cancel between polls. A cancel sends jobs.cancel at once, which ends the job and
     * so the poll in progress.
     */
    private Job waitUntilDone(BigQuery bq, Job job, RunningQuery run) {
        Job current = job;
        while (current.getStatus() == null || current.getStatus().getState() != JobStatus.State.DONE) {
            run.checkCancelled();
            bq.getQueryResults(current.getJobId(), BigQuery.QueryResultsOption.maxWaitTime(runtime.jobWait().toMillis()),
                    BigQuery.QueryResultsOption.pageSize(0));
            current = bq.getJob(current.getJobId());
            if (current == null) {
                throw new ConnectorException(ErrorKind.NOT_FOUND, "The query job disappeared while it ran.");
            }
        }
        run.checkCancelled();
        return current;
    }

    private BigQueryCursor cursor(TableResult result, Job finished, long startedNanos) {
        BigQueryRunInfo info = BigQueryRunInfo.of(finished, result, System.nanoTime() - startedNanos);
        boolean rows = result.getSchema() != null && !result.getSchema().getFields().isEmpty();
        return new BigQueryCursor(rows ? result : null, info.updateCount(), info.labelled(), errors, () -> { });
    }

    private static ConnectorException cancelled(Exception cause) {
        return new ConnectorException(ErrorKind.CANCELLED, "The query was cancelled.", cause);
    }

    private static String article(String word) {
        return "AEIOU".indexOf(word.isEmpty() ? 'X' : word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static void requireStatement(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new ConnectorException(ErrorKind.SYNTAX, "There is no statement to run.");
        }
    }

    /** Cancels every running job on BigQuery (jobs.cancel, sent in the background so the caller never waits). */
    @Override
    public void cancel() {
        running.forEach(RunningQuery::cancel);
    }

    @Override
    public ConnectionTestReport testConnection() {
        return new BigQueryDiagnostic(parameters(), runtime, this).run();
    }

    @Override
    public List<SchemaRef> listSchemas(boolean includeSystem) {
        try {
            return new BigQuerySchemaScanner(client(), settings().project()).listDatasets(includeSystem);
        } catch (RuntimeException e) {
            throw errors.translate(e, null);
        }
    }

    @Override
    public Schema scanSchema(SchemaRef schema) {
        try {
            return new BigQuerySchemaScanner(client(), settings().project()).scan(schema);
        } catch (RuntimeException e) {
            throw errors.translate(e, null);
        }
    }

    @Override
    protected String[] productNameAndVersion() {
        return new String[] {"Google BigQuery", "API v2"};
    }

    BigQueryErrors errors() {
        return errors;
    }

    /** One statement on its way: cancel before its job id is known is remembered and sent once it is. */
    private static final class RunningQuery {
        private final BigQuery bq;
        private JobId jobId;
        private boolean cancelled;

        RunningQuery(BigQuery bq) {
            this.bq = bq;
        }

        synchronized void started(JobId id) {
            jobId = id;
            if (cancelled) {
                sendCancel(id);
            }
        }

        synchronized void cancel() {
            if (!cancelled) {
                cancelled = true;
                if (jobId != null) {
                    sendCancel(jobId);
                }
            }
        }

        synchronized boolean cancelled() {
            return cancelled;
        }

        void checkCancelled() {
            if (cancelled()) {
                throw new ConnectorException(ErrorKind.CANCELLED, "The query was cancelled.");
            }
        }

        private void sendCancel(JobId id) {
            if (id == null) {
                return;
            }
            Thread t = new Thread(() -> {
                try {
                    bq.cancel(id);
                } catch (RuntimeException e) {
                    LOG.debug("jobs.cancel was not accepted: {}", BigQueryErrors.redact(e.getMessage()));
                }
            }, "bigquery-cancel");
            t.setDaemon(true);
            t.start();
        }
    }

    BigQueryRuntime runtime() {
        return runtime;
    }
}
