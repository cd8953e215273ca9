package dev.sextant.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in of the BigQuery REST API (v2), the OAuth token endpoint and IAM's generateAccessToken,
 * on 127.0.0.1, for running the real google-cloud-bigquery client without the network. It follows the
 * public REST shapes of jobs.query, jobs.insert (dry runs too), jobs.get, jobs.getQueryResults (with page
 * tokens and long polls), jobs.cancel, tabledata.list, datasets.list/get, tables.list/get and
 * routines.list, and answers with the data of a {@link BigQueryFixture}. Statements other than
 * {@code SELECT * FROM dataset.table} are answered as a test scripts them with {@link #script}.
 *
 * <p>Every request is recorded (with the principal whose token it carried), so tests can check what the
 * client sent. Faults (HTTP errors for the next n matching requests) test retries and error mapping.
 */
public final class BigQueryStandIn implements AutoCloseable {

    public static final String PROJECT = "sextant-test";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The audience Google's token endpoint expects in a service account's assertion, whatever token_uri says. */
    private static final String GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern API = Pattern.compile("/bigquery/v2/projects/([^/]+)(/.*)?");
    private static final Pattern SELECT_STAR = Pattern.compile(
            "(?is)\\s*SELECT\\s+\\*\\s+FROM\\s+`?(?:[\\w-]+\\.)?(\\w+)`?\\.`?(\\w+)`?\\s*");

    /** One request as it arrived, with the principal of its bearer token (or null). */
    public record Request(String method, String path, Map<String, String> query, JsonNode body, String principal) {
        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : " " + query);
        }
    }

    /** What the stand-in does with one statement. Build with {@link #rows} or {@link #dml} and the with... methods. */
    public static final class Script {
        ArrayNode fields;
        List<List<Object>> rows = List.of();
        String statementType = "SELECT";
        long bytesProcessed = 10_485_760;
        long bytesBilled = 10_485_760;
        boolean cacheHit;
        Long dmlRows;
        int pendingPolls;
        boolean untilCancelled;
        int errorStatus;
        String errorReason;
        String errorMessage;
        boolean echoParameters;

        public static Script rows(ArrayNode fields, List<List<Object>> rows) {
            Script s = new Script();
            s.fields = fields;
            s.rows = List.copyOf(rows);
            return s;
        }

        public static Script dml(String statementType, long affected) {
            Script s = new Script();
            s.statementType = statementType;
            s.dmlRows = affected;
            return s;
        }

        public static Script ddl(String statementType) {
            Script s = new Script();
            s.statementType = statementType;
            return s;
        }

        /** Answers with one row holding each query parameter as it arrived, typed as it was sent. */
        public static Script echoParameters() {
            Script s = new Script();
            s.echoParameters = true;
            return s;
        }

        /** BigQuery rejects the statement, on dry runs and runs alike. */
        public static Script error(int status, String reason, String message) {
            Script s = new Script();
            s.errorStatus = status;
            s.errorReason = reason;
            s.errorMessage = message;
            return s;
        }

        public Script bytes(long processed, long billed) {
            bytesProcessed = processed;
            bytesBilled = billed;
            return this;
        }

        public Script cacheHit() {
            cacheHit = true;
            return this;
        }

        /** The job is not complete for the first {@code polls} getQueryResults calls. */
        public Script pending(int polls) {
            pendingPolls = polls;
            return this;
        }

        /** The job runs until it is cancelled. */
        public Script untilCancelled() {
            untilCancelled = true;
            return this;
        }
    }

    private static final class Job {
        final String id;
        final String location;
        final Script script;
        final JsonNode configuration;
        final ArrayNode fields;
        final List<List<Object>> rows;
        final long created = System.currentTimeMillis();
        int pollsLeft;
        volatile boolean cancelled;
        volatile boolean done;
        long ended;

        Job(String id, String location, Script script, JsonNode configuration, ArrayNode fields, List<List<Object>> rows) {
            this.id = id;
            this.location = location;
            this.script = script;
            this.configuration = configuration;
            this.fields = fields;
            this.rows = rows;
            this.pollsLeft = script.pendingPolls;
            this.done = script.pendingPolls == 0 && !script.untilCancelled;
            this.ended = done ? created + 7 : 0;
        }
    }

    private record Fault(String method, Pattern path, int status, String reason, String message, AtomicInteger remaining) {
    }

    private final HttpServer server;
    private final BigQueryFixture fixture;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> serviceAccounts = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final java.util.Set<String> impersonationGrants = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile boolean requireAuth = true;
    private volatile long latencyMillis;
    private volatile JsonNode rejectedClaims;
    private final List<Exception> problems = new CopyOnWriteArrayList<>();

    public BigQueryStandIn(BigQueryFixture fixture) {
        this.fixture = fixture;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "bigquery-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        script("SELECT 1", Script.rows(BigQueryFixture.fields(BigQueryFixture.field("f0_", "INTEGER", "NULLABLE")),
                List.of(List.of("1"))).bytes(0, 0));
        server.start();
    }

    /** The root URL to give the client as its endpoint (host) override. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The OAuth token endpoint, to put as token_uri in a test key. */
    public String tokenUri() {
        return url() + "/token";
    }

    /** The IAM generateAccessToken URL for one service account. */
    public String iamUrl(String account) {
        return url() + "/v1/projects/-/serviceAccounts/" + account + ":generateAccessToken";
    }

    public BigQueryFixture fixture() {
        return fixture;
    }

    /** Accept tokens signed by this key for this service account. */
    public void trustServiceAccount(String email, PublicKey key) {
        serviceAccounts.put(email, key);
    }

    /** Accept this refresh token of a user login (authorized_user). */
    public void trustUser(String clientId, String refreshToken) {
        refreshTokens.put(refreshToken, "user:" + clientId);
    }

    /** Let {@code source} (a principal) mint tokens for {@code target} through IAM. */
    public void allowImpersonation(String source, String target) {
        impersonationGrants.add(source + " -> " + target);
    }

    /** Every API call waits this long before it is answered, as a network and BigQuery would make it. */
    public void latency(java.time.Duration latency) {
        latencyMillis = latency.toMillis();
    }

    /** When false, API calls without a token are answered too (for the connection test's own stages). */
    public void requireAuth(boolean require) {
        requireAuth = require;
    }

    public void script(String sql, Script script) {
        scripts.put(normalize(sql), script);
    }

    /** The next {@code times} requests whose method and path match get this HTTP error instead. */
    public void fail(String method, String pathRegex, int times, int status, String reason, String message) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), status, reason, message, new AtomicInteger(times)));
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return requests.stream().filter(r -> r.method().equals(method) && p.matcher(r.path()).matches()).toList();
    }

    /** Failures of the stand-in itself (a bug in a test's script, not a BigQuery error). */
    public List<Exception> problems() {
        return List.copyOf(problems);
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Every access token handed out so far (to check that none leaked). */
    public List<String> issuedTokens() {
        return List.copyOf(tokens.keySet());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String normalize(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }

    // ---------------------------------------------------------------- routing

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            byte[] raw = readBody(ex);
            String principal = principal(ex);
            JsonNode body = null;
            if (raw.length > 0 && !path.equals("/token")) {
                body = JSON.readTree(raw);
            }
            Request request = new Request(method, path, query, body, principal);
            requests.add(request);
            if (path.equals("/token")) {
                token(ex, new String(raw, StandardCharsets.UTF_8));
                return;
            }
            for (Fault f : faults) {
                if (f.method().equals(method) && f.path().matcher(path).matches() && f.remaining().getAndDecrement() > 0) {
                    error(ex, f.status(), f.reason(), f.message());
                    return;
                }
            }
            if (path.startsWith("/v1/projects/-/serviceAccounts/")) {
                impersonate(ex, path, principal);
                return;
            }
            if (requireAuth && principal == null) {
                error(ex, 401, "unauthorized", "Request is missing required authentication credential.");
                return;
            }
            if (latencyMillis > 0) {
                sleep(latencyMillis);
            }
            Matcher m = API.matcher(path);
            if (!m.matches()) {
                error(ex, 404, "notFound", "Not found: " + path);
                return;
            }
            route(ex, method, m.group(1), m.group(2) == null ? "" : m.group(2), query, body);
        } catch (RuntimeException | IOException e) {
            problems.add(e);
            error(ex, 500, "internalError", "The stand-in failed: " + e);
        }
    }

    private void route(HttpExchange ex, String method, String project, String rest, Map<String, String> q, JsonNode body)
            throws IOException {
        String[] parts = rest.isEmpty() ? new String[0] : rest.substring(1).split("/");
        if (method.equals("POST") && rest.equals("/queries")) {
            jobsQuery(ex, project, body);
        } else if (method.equals("POST") && rest.equals("/jobs")) {
            jobsInsert(ex, project, body);
        } else if (method.equals("GET") && parts.length == 2 && parts[0].equals("jobs")) {
            withJob(ex, parts[1], job -> send(ex, 200, jobResource(project, job)));
        } else if (method.equals("POST") && parts.length == 3 && parts[0].equals("jobs") && parts[2].equals("cancel")) {
            withJob(ex, parts[1], job -> {
                job.cancelled = true;
                if (!job.done) {
                    job.done = true;
                    job.ended = System.currentTimeMillis();
                }
                ObjectNode response = NODES.objectNode().put("kind", "bigquery#jobCancelResponse");
                response.set("job", jobResource(project, job));
                send(ex, 200, response);
            });
        } else if (method.equals("GET") && parts.length == 2 && parts[0].equals("queries")) {
            withJob(ex, parts[1], job -> queryResults(ex, project, job, q));
        } else if (method.equals("GET") && parts.length == 1 && parts[0].equals("datasets")) {
            datasets(ex, project, "true".equals(q.get("all")));
        } else if (method.equals("GET") && parts.length == 2 && parts[0].equals("datasets")) {
            dataset(ex, project, parts[1]);
        } else if (method.equals("GET") && parts.length == 3 && parts[0].equals("datasets") && parts[2].equals("tables")) {
            tables(ex, project, parts[1], q);
        } else if (method.equals("GET") && parts.length == 4 && parts[2].equals("tables")) {
            table(ex, project, parts[1], parts[3]);
        } else if (method.equals("GET") && parts.length == 5 && parts[2].equals("tables") && parts[4].equals("data")) {
            tableData(ex, parts[1], parts[3], q);
        } else if (method.equals("GET") && parts.length == 3 && parts[2].equals("routines")) {
            routines(ex, project, parts[1]);
        } else {
            error(ex, 404, "notFound", "Not found: " + method + " " + rest);
        }
    }

    private interface JobWork {
        void run(Job job) throws IOException;
    }

    private void withJob(HttpExchange ex, String id, JobWork work) throws IOException {
        Job job = jobs.get(id);
        if (job == null) {
            error(ex, 404, "notFound", "Not found: Job " + PROJECT + ":" + id);
        } else {
            work.run(job);
        }
    }

    // ---------------------------------------------------------------- jobs

    /** The script for a statement: a fixture table for SELECT *, else what the test scripted. */
    private Optional<Script> resolve(String sql) {
        Script scripted = scripts.get(normalize(sql));
        if (scripted != null) {
            return Optional.of(scripted);
        }
        Matcher m = SELECT_STAR.matcher(sql);
        if (m.matches()) {
            return fixture.table(m.group(1), m.group(2)).map(t -> Script.rows(t.fields(), t.rows())
                    .bytes(t.numBytes(), Math.max(t.numBytes(), 10_485_760L)));
        }
        return Optional.empty();
    }

    /** Checks a statement as BigQuery would before running it; sends the error and returns null when it fails. */
    private Script admit(HttpExchange ex, String sql, JsonNode maxBytesBilled, boolean dryRun) throws IOException {
        Optional<Script> found = resolve(sql);
        if (found.isEmpty()) {
            error(ex, 400, "invalidQuery", "Syntax error: Unexpected identifier \"" + firstWord(sql) + "\" at [1:1]");
            return null;
        }
        Script s = found.get();
        if (s.errorStatus != 0) {
            error(ex, s.errorStatus, s.errorReason, s.errorMessage);
            return null;
        }
        if (!dryRun && maxBytesBilled != null && !maxBytesBilled.isNull() && s.bytesBilled > maxBytesBilled.asLong()) {
            error(ex, 400, "bytesBilledLimitExceeded", "Query exceeded limit for bytes billed: " + maxBytesBilled.asText()
                    + ". " + s.bytesBilled + " or higher required.");
            return null;
        }
        return s;
    }

    private static String firstWord(String sql) {
        String s = sql.strip();
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private Job start(Script s, String location, JsonNode configuration) {
        String id = "job_" + counter.incrementAndGet() + "_" + Long.toHexString(System.nanoTime());
        ArrayNode fields = s.fields;
        List<List<Object>> rows = s.rows;
        if (s.echoParameters) {
            fields = NODES.arrayNode();
            List<Object> row = new ArrayList<>();
            int i = 1;
            for (JsonNode p : configuration.path("query").path("queryParameters")) {
                String name = p.path("name").asText("p" + i++);
                fields.add(field(name, p.path("parameterType")));
                row.add(parameterValue(p.path("parameterType"), p.path("parameterValue")));
            }
            rows = List.of(row);
        }
        Job job = new Job(id, location == null ? "US" : location, s, configuration, fields, rows);
        jobs.put(id, job);
        return job;
    }

    /** A schema field for a parameter type: arrays as REPEATED, structs as RECORD with their fields. */
    private static ObjectNode field(String name, JsonNode type) {
        ObjectNode f = NODES.objectNode().put("name", name);
        JsonNode element = type;
        if (type.path("type").asText().equals("ARRAY")) {
            f.put("mode", "REPEATED");
            element = type.path("arrayType");
        } else {
            f.put("mode", "NULLABLE");
        }
        String t = element.path("type").asText();
        f.put("type", switch (t) {
            case "INT64" -> "INTEGER";
            case "FLOAT64" -> "FLOAT";
            case "BOOL" -> "BOOLEAN";
            case "STRUCT" -> "RECORD";
            default -> t;
        });
        if (t.equals("STRUCT")) {
            ArrayNode sub = f.putArray("fields");
            for (JsonNode st : element.path("structTypes")) {
                sub.add(field(st.path("name").asText(), st.path("type")));
            }
        }
        return f;
    }

    /** A parameter's value in the row form of this stand-in: text, a list for arrays, Object[] for structs. */
    private static Object parameterValue(JsonNode type, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        switch (type.path("type").asText()) {
            case "ARRAY" -> {
                List<Object> list = new ArrayList<>();
                for (JsonNode v : value.path("arrayValues")) {
                    list.add(parameterValue(type.path("arrayType"), v));
                }
                return list;
            }
            case "STRUCT" -> {
                List<Object> fields = new ArrayList<>();
                for (JsonNode st : type.path("structTypes")) {
                    fields.add(parameterValue(st.path("type"), value.path("structValues").path(st.path("name").asText())));
                }
                return fields.toArray();
            }
            case "TIMESTAMP" -> {
                // the client sends "yyyy-MM-dd HH:mm:ss.SSSSSS+hhmm"; rows carry seconds since the epoch
                String text = value.path("value").asText().replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2");
                Instant t = java.time.OffsetDateTime.parse(text,
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]xxx")).toInstant();
                return BigQueryFixture.timestamp(t);
            }
            case "DATETIME" -> {
                return value.path("value").isNull() ? null : value.path("value").asText().replace(' ', 'T');
            }
            default -> {
                JsonNode v = value.path("value");
                return v.isNull() || v.isMissingNode() ? null : v.asText();
            }
        }
    }

    private void jobsQuery(HttpExchange ex, String project, JsonNode body) throws IOException {
        String sql = body.path("query").asText();
        Script s = admit(ex, sql, body.get("maximumBytesBilled"), false);
        if (s == null) {
            return;
        }
        ObjectNode configuration = NODES.objectNode();
        ObjectNode queryConfig = configuration.putObject("query");
        queryConfig.put("query", sql);
        copy(body, queryConfig, "queryParameters", "maximumBytesBilled", "labels", "defaultDataset", "useLegacySql", "parameterMode");
        Job job = start(s, text(body, "location"), configuration);
        ObjectNode response = NODES.objectNode().put("kind", "bigquery#queryResponse");
        response.set("jobReference", jobReference(project, job));
        if (!job.done) {
            response.put("jobComplete", false);
            send(ex, 200, response);
            return;
        }
        response.put("jobComplete", true);
        fillResults(response, job, body.path("maxResults").asLong(Long.MAX_VALUE), 0);
        send(ex, 200, response);
    }

    private void jobsInsert(HttpExchange ex, String project, JsonNode body) throws IOException {
        JsonNode configuration = body.path("configuration");
        JsonNode query = configuration.path("query");
        Script s = admit(ex, query.path("query").asText(), query.get("maximumBytesBilled"),
                configuration.path("dryRun").asBoolean(false));
        if (s == null) {
            return;
        }
        String location = text(body.path("jobReference"), "location");
        if (configuration.path("dryRun").asBoolean(false)) {
            ObjectNode job = NODES.objectNode().put("kind", "bigquery#job");
            ObjectNode ref = job.putObject("jobReference").put("projectId", project);
            if (location != null) {
                ref.put("location", location);
            }
            job.set("configuration", configuration);
            job.putObject("status").put("state", "DONE");
            ObjectNode stats = job.putObject("statistics");
            stats.put("creationTime", String.valueOf(System.currentTimeMillis()));
            stats.put("totalBytesProcessed", String.valueOf(s.bytesProcessed));
            ObjectNode q = stats.putObject("query");
            q.put("totalBytesProcessed", String.valueOf(s.bytesProcessed)).put("statementType", s.statementType)
                    .put("totalBytesProcessedAccuracy", "PRECISE");
            if (s.fields != null) {
                q.putObject("schema").set("fields", s.fields);
            }
            send(ex, 200, job);
            return;
        }
        Job job = start(s, location, configuration);
        send(ex, 200, jobResource(project, job));
    }

    private void queryResults(HttpExchange ex, String project, Job job, Map<String, String> q) throws IOException {
        if (!job.done) {
            long wait = Math.min(Long.parseLong(q.getOrDefault("timeoutMs", "10000")), 150);
            long until = System.currentTimeMillis() + wait;
            while (!job.done && System.currentTimeMillis() < until) {
                sleep(10);
            }
            synchronized (job) {
                if (!job.done && !job.script.untilCancelled && --job.pollsLeft <= 0) {
                    job.done = true;
                    job.ended = System.currentTimeMillis();
                }
            }
        }
        ObjectNode response = NODES.objectNode().put("kind", "bigquery#getQueryResultsResponse");
        response.set("jobReference", jobReference(project, job));
        if (job.cancelled) {
            error(ex, 400, "stopped", "Job execution was cancelled: User requested cancellation");
            return;
        }
        if (!job.done) {
            response.put("jobComplete", false);
            send(ex, 200, response);
            return;
        }
        response.put("jobComplete", true);
        long max = q.containsKey("maxResults") ? Long.parseLong(q.get("maxResults")) : Long.MAX_VALUE;
        fillResults(response, job, max, offset(q.get("pageToken")));
        send(ex, 200, response);
    }

    /** Schema, total rows, one page of rows and the token of the next, as jobs.query and getQueryResults answer. */
    private void fillResults(ObjectNode response, Job job, long maxResults, int offset) {
        if (job.script.dmlRows != null) {
            response.put("numDmlAffectedRows", String.valueOf(job.script.dmlRows));
            response.put("totalRows", "0");
            return;
        }
        if (job.fields == null) {
            response.put("totalRows", "0");
            return;
        }
        response.putObject("schema").set("fields", job.fields);
        response.put("totalRows", String.valueOf(job.rows.size()));
        response.put("cacheHit", job.script.cacheHit);
        response.put("totalBytesProcessed", String.valueOf(job.script.bytesProcessed));
        page(response, job.rows, offset, maxResults);
    }

    private static void page(ObjectNode response, List<List<Object>> rows, int offset, long maxResults) {
        int end = (int) Math.min(rows.size(), offset + Math.min(maxResults, 100_000));
        if (maxResults > 0) {
            ArrayNode out = response.putArray("rows");
            for (int i = offset; i < end; i++) {
                out.add(BigQueryFixture.restRow(rows.get(i)));
            }
        }
        if (maxResults > 0 && end < rows.size()) {
            response.put("pageToken", "page-" + end);
        }
    }

    private static int offset(String pageToken) {
        return pageToken == null ? 0 : Integer.parseInt(pageToken.substring("page-".length()));
    }

    private ObjectNode jobResource(String project, Job job) {
        ObjectNode r = NODES.objectNode().put("kind", "bigquery#job").put("id", project + ":" + job.location + "." + job.id);
        r.set("jobReference", jobReference(project, job));
        ObjectNode configuration = job.configuration.deepCopy();
        configuration.put("jobType", "QUERY");
        if (job.fields != null && job.script.dmlRows == null) {
            ((ObjectNode) configuration.withObjectProperty("query")).putObject("destinationTable").put("projectId", project)
                    .put("datasetId", "_anon").put("tableId", "anon_" + job.id);
        }
        r.set("configuration", configuration);
        ObjectNode status = r.putObject("status").put("state", job.done ? "DONE" : "RUNNING");
        if (job.cancelled) {
            status.putObject("errorResult").put("reason", "stopped").put("message", "Job execution was cancelled: User requested cancellation");
        }
        ObjectNode stats = r.putObject("statistics").put("creationTime", String.valueOf(job.created))
                .put("startTime", String.valueOf(job.created + 2));
        if (job.done) {
            stats.put("endTime", String.valueOf(job.ended));
            stats.put("totalBytesProcessed", String.valueOf(job.script.bytesProcessed));
            ObjectNode q = stats.putObject("query");
            q.put("totalBytesProcessed", String.valueOf(job.script.bytesProcessed))
                    .put("totalBytesBilled", String.valueOf(job.script.cacheHit ? 0 : job.script.bytesBilled))
                    .put("cacheHit", job.script.cacheHit).put("statementType", job.script.statementType);
            if (job.script.dmlRows != null) {
                q.put("numDmlAffectedRows", String.valueOf(job.script.dmlRows));
            }
            if (job.fields != null) {
                q.putObject("schema").set("fields", job.fields);
            }
        }
        return r;
    }

    private static ObjectNode jobReference(String project, Job job) {
        return NODES.objectNode().put("projectId", project).put("jobId", job.id).put("location", job.location);
    }

    // ---------------------------------------------------------------- metadata and table data

    private void datasets(HttpExchange ex, String project, boolean all) throws IOException {
        ObjectNode r = NODES.objectNode().put("kind", "bigquery#datasetList");
        ArrayNode list = r.putArray("datasets");
        for (BigQueryFixture.DatasetData d : fixture.datasets()) {
            if (d.name().startsWith("_") && !all) {
                continue;
            }
            ObjectNode item = list.addObject().put("kind", "bigquery#dataset").put("id", project + ":" + d.name())
                    .put("location", d.location());
            item.putObject("datasetReference").put("projectId", project).put("datasetId", d.name());
        }
        send(ex, 200, r);
    }

    private void dataset(HttpExchange ex, String project, String name) throws IOException {
        Optional<BigQueryFixture.DatasetData> d = fixture.dataset(name);
        if (d.isEmpty()) {
            error(ex, 404, "notFound", "Not found: Dataset " + project + ":" + name);
            return;
        }
        ObjectNode r = NODES.objectNode().put("kind", "bigquery#dataset").put("location", d.get().location())
                .put("description", d.get().description());
        r.putObject("datasetReference").put("projectId", project).put("datasetId", name);
        send(ex, 200, r);
    }

    private void tables(HttpExchange ex, String project, String dataset, Map<String, String> q) throws IOException {
        Optional<BigQueryFixture.DatasetData> d = fixture.dataset(dataset);
        if (d.isEmpty()) {
            error(ex, 404, "notFound", "Not found: Dataset " + project + ":" + dataset);
            return;
        }
        ObjectNode r = NODES.objectNode().put("kind", "bigquery#tableList").put("totalItems", d.get().tables().size());
        ArrayNode list = r.putArray("tables");
        for (BigQueryFixture.TableData t : d.get().tables()) {
            ObjectNode item = list.addObject().put("kind", "bigquery#table").put("type", t.type())
                    .put("id", project + ":" + dataset + "." + t.name());
            item.putObject("tableReference").put("projectId", project).put("datasetId", dataset).put("tableId", t.name());
        }
        send(ex, 200, r);
    }

    private void table(HttpExchange ex, String project, String dataset, String name) throws IOException {
        Optional<BigQueryFixture.TableData> t = fixture.table(dataset, name);
        if (t.isEmpty()) {
            error(ex, 404, "notFound", "Not found: Table " + project + ":" + dataset + "." + name);
            return;
        }
        send(ex, 200, t.get().resource(project, dataset));
    }

    private void tableData(HttpExchange ex, String dataset, String table, Map<String, String> q) throws IOException {
        List<List<Object>> rows;
        if (dataset.equals("_anon") && table.startsWith("anon_")) {
            Job job = jobs.get(table.substring("anon_".length()));
            rows = job == null ? null : job.rows;
        } else {
            rows = fixture.table(dataset, table).map(BigQueryFixture.TableData::rows).orElse(null);
        }
        if (rows == null) {
            error(ex, 404, "notFound", "Not found: Table " + dataset + "." + table);
            return;
        }
        ObjectNode r = NODES.objectNode().put("kind", "bigquery#tableDataList").put("totalRows", String.valueOf(rows.size()));
        long max = q.containsKey("maxResults") ? Long.parseLong(q.get("maxResults")) : Long.MAX_VALUE;
        page(r, rows, offset(q.get("pageToken")), max);
        if (r.has("pageToken")) {
            r.put("pageToken", r.get("pageToken").asText()); // tabledata.list names it pageToken as well
        }
        send(ex, 200, r);
    }

    private void routines(HttpExchange ex, String project, String dataset) throws IOException {
        Optional<BigQueryFixture.DatasetData> d = fixture.dataset(dataset);
        if (d.isEmpty()) {
            error(ex, 404, "notFound", "Not found: Dataset " + project + ":" + dataset);
            return;
        }
        ObjectNode r = NODES.objectNode();
        ArrayNode list = r.putArray("routines");
        for (ObjectNode routine : d.get().routines()) {
            ObjectNode copy = routine.deepCopy();
            copy.withObjectProperty("routineReference").put("projectId", project).put("datasetId", dataset);
            list.add(copy);
        }
        send(ex, 200, r);
    }

    // ---------------------------------------------------------------- OAuth and IAM

    private void token(HttpExchange ex, String form) throws IOException {
        Map<String, String> f = query(form);
        String principal = null;
        if ("urn:ietf:params:oauth:grant-type:jwt-bearer".equals(f.get("grant_type"))) {
            principal = verifyAssertion(f.get("assertion"));
        } else if ("refresh_token".equals(f.get("grant_type"))) {
            principal = refreshTokens.get(f.getOrDefault("refresh_token", ""));
        }
        if (principal == null) {
            ObjectNode error = NODES.objectNode().put("error", "invalid_grant").put("error_description",
                    "Invalid grant: account not found" + (rejectedClaims == null ? "" : " (claims " + rejectedClaims + ")"));
            send(ex, 400, error);
            return;
        }
        String token = "ya29.standin-" + counter.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        tokens.put(token, principal);
        send(ex, 200, NODES.objectNode().put("access_token", token).put("expires_in", 3599).put("token_type", "Bearer"));
    }

    /** The service account of a signed JWT assertion, or null unless its RS256 signature, audience and scope check out. */
    private String verifyAssertion(String jwt) {
        JsonNode claims = verifiedClaims(jwt);
        if (claims == null || !claims.path("aud").asText().equals(GOOGLE_TOKEN_AUDIENCE) || claims.path("scope").asText().isEmpty()) {
            rejectedClaims = claims;
            return null;
        }
        return claims.path("iss").asText();
    }

    /** The claims of a JWT whose issuer is a trusted service account that signed it (RS256), or null. */
    private JsonNode verifiedClaims(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            PublicKey key = serviceAccounts.get(claims.path("iss").asText());
            if (key == null) {
                return null;
            }
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2])) ? claims : null;
        } catch (Exception e) {
            return null;
        }
    }

    private void impersonate(HttpExchange ex, String path, String principal) throws IOException {
        String account = path.substring("/v1/projects/-/serviceAccounts/".length(), path.indexOf(":generateAccessToken"));
        account = URLDecoder.decode(account, StandardCharsets.UTF_8);
        if (principal == null || !impersonationGrants.contains(principal + " -> " + account)) {
            error(ex, 403, "forbidden", "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).");
            return;
        }
        String token = "ya29.impersonated-" + counter.incrementAndGet();
        tokens.put(token, account + " (impersonated by " + principal + ")");
        send(ex, 200, NODES.objectNode().put("accessToken", token).put("expireTime",
                Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
    }

    private String principal(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return null;
        }
        String token = auth.substring("Bearer ".length());
        String issued = tokens.get(token);
        return issued != null ? issued : selfSigned(token);
    }

    /**
     * A service account may also call Google APIs with a JWT it signed itself (what the auth library does
     * when it has no scopes): its issuer, if a trusted key signed it.
     */
    private String selfSigned(String jwt) {
        JsonNode claims = verifiedClaims(jwt);
        return claims == null ? null : claims.path("iss").asText();
    }

    // ---------------------------------------------------------------- HTTP plumbing

    private static byte[] readBody(HttpExchange ex) throws IOException {
        byte[] raw = ex.getRequestBody().readAllBytes();
        if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding")) && raw.length > 0) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                return in.readAllBytes();
            }
        }
        return raw;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String f : fields) {
            if (from.has(f)) {
                to.set(f, from.get(f));
            }
        }
    }

    /** A Google API error body: code, message and errors[] with reason, as the client parses it. */
    private static void error(HttpExchange ex, int status, String reason, String message) throws IOException {
        ObjectNode body = NODES.objectNode();
        ObjectNode error = body.putObject("error").put("code", status).put("message", message);
        error.putArray("errors").addObject().put("message", message).put("domain", "global").put("reason", reason);
        error.put("status", switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            default -> "INTERNAL";
        });
        send(ex, status, body);
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
