package dev.sextant.connector.bigquery;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import dev.sextant.connector.ConnectorException;
import dev.sextant.connector.ErrorKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what BigQuery and its client report into a {@link ConnectorException} a person can act on: the
 * kind, BigQuery's own message, a hint for what to do, and for a SQL error its position in the statement
 * (BigQuery says {@code at [line:column]}). Text from outside passes through {@link #redact} first, so an
 * access token or key that ended up in a message never reaches the user or the log.
 */
final class BigQueryErrors {

    private static final Pattern LINE_COLUMN = Pattern.compile("at \\[(\\d+):(\\d+)]");
    private static final Pattern SECRETS = Pattern.compile(
            "ya29\\.[\\w.\\-]+|(?i)bearer\\s+[\\w.\\-~+/=]+|-----BEGIN [A-Z ]*PRIVATE KEY-----[^-]*(-----END [A-Z ]*PRIVATE KEY-----)?"
                    + "|eyJ[\\w\\-]{8,}\\.[\\w\\-]{8,}\\.[\\w\\-]*|\"private_key\"\\s*:\\s*\"[^\"]*\"|\"access_token\"\\s*:\\s*\"[^\"]*\"");

    private final int attempts;

    /** @param attempts how many times the client tries a call, named in rate-limit messages */
    BigQueryErrors(int attempts) {
        this.attempts = attempts;
    }

    ConnectorException translate(RuntimeException e, String sql) {
        if (e instanceof ConnectorException ce) {
            return ce;
        }
        if (e instanceof BigQueryException bq) {
            return fromBigQuery(bq, sql);
        }
        return new ConnectorException(ErrorKind.INTERNAL, "BigQuery's client failed: " + redact(String.valueOf(e.getMessage())), e);
    }

    /** A failed job (its status carries the error rather than an HTTP response). */
    ConnectorException fromJobError(BigQueryError error, String sql) {
        return classify(0, error.getReason(), error.getMessage(), sql, null);
    }

    private ConnectorException fromBigQuery(BigQueryException e, String sql) {
        BigQueryError error = e.getError();
        String reason = error != null && error.getReason() != null ? error.getReason() : e.getReason();
        String message = error != null && error.getMessage() != null ? error.getMessage() : e.getMessage();
        Throwable io = rootIo(e);
        if (e.getCode() == 0 && reason == null && io != null) {
            return network(io, e);
        }
        return classify(e.getCode(), reason, message, sql, e);
    }

    private ConnectorException classify(int code, String reason, String rawMessage, String sql, Throwable cause) {
        String message = redact(rawMessage == null ? "BigQuery gave no message." : rawMessage.strip());
        String r = reason == null ? "" : reason;
        String lower = message.toLowerCase(Locale.ROOT);
        if (r.equals("stopped") || lower.contains("job execution was cancelled") || lower.contains("job cancelled")) {
            return new ConnectorException(ErrorKind.CANCELLED, "The query was cancelled.", cause);
        }
        if (r.equals("bytesBilledLimitExceeded") || lower.contains("exceeded limit for bytes billed")) {
            return new ConnectorException(ErrorKind.QUOTA, message + " The query would bill more than this connection's "
                    + "'Maximum bytes billed'; nothing was billed. Narrow the query (fewer columns, a partition filter) or raise the cap.",
                    null, r, cause);
        }
        if (r.equals("rateLimitExceeded") || r.equals("jobRateLimitExceeded") || code == 429) {
            return new ConnectorException(ErrorKind.QUOTA, "BigQuery's rate limit was hit, and it still was after "
                    + attempts + " attempts: " + message + " Wait a minute and run it again.", null, r, cause);
        }
        if (r.equals("quotaExceeded")) {
            return new ConnectorException(ErrorKind.QUOTA, "A BigQuery quota is used up: " + message
                    + " Wait for it to reset, or ask an administrator to raise it.", null, r, cause);
        }
        if (r.equals("invalidQuery") || (r.equals("invalid") && sql != null && LINE_COLUMN.matcher(message).find())) {
            return new ConnectorException(ErrorKind.SYNTAX, message, position(message, sql), r, cause);
        }
        if (code == 401 || r.equals("authError") || r.equals("unauthorized")) {
            return new ConnectorException(ErrorKind.AUTHENTICATION, "BigQuery did not accept the credentials: " + message
                    + " Log in again (gcloud auth application-default login) or check the key.", null, r, cause);
        }
        if (r.equals("accessDenied") || r.equals("forbidden") || code == 403) {
            if (lower.contains("has not been used") || lower.contains("is disabled") || lower.contains("service_disabled")) {
                return new ConnectorException(ErrorKind.PERMISSION, "The BigQuery API is not enabled for this project: " + message
                        + " Enable it in the Google Cloud console (APIs & Services) or use another billing project.", null, r, cause);
            }
            return new ConnectorException(ErrorKind.PERMISSION, "BigQuery denied access: " + message + " Running queries needs "
                    + "the BigQuery Job User role on the billing project, reading tables BigQuery Data Viewer on their dataset.",
                    null, r, cause);
        }
        if (r.equals("notFound") || code == 404) {
            return new ConnectorException(ErrorKind.NOT_FOUND, message + " Check the project, dataset and table names, and the "
                    + "connection's location: a dataset in another location is not found.", null, r, cause);
        }
        if (r.equals("invalid") || code == 400) {
            return new ConnectorException(ErrorKind.SYNTAX, message, position(message, sql), r, cause);
        }
        if (r.equals("backendError") || r.equals("internalError") || code >= 500) {
            return new ConnectorException(ErrorKind.INTERNAL, "BigQuery had an internal error: " + message
                    + " Run it again in a moment.", null, r, cause);
        }
        if (r.equals("responseTooLarge") || r.equals("resourcesExceeded")) {
            return new ConnectorException(ErrorKind.QUOTA, message, null, r, cause);
        }
        return new ConnectorException(ErrorKind.INTERNAL, message, null, r.isEmpty() ? null : r, cause);
    }

    private static ConnectorException network(Throwable io, Throwable cause) {
        if (io instanceof SocketTimeoutException) {
            return new ConnectorException(ErrorKind.TIMEOUT, "BigQuery did not answer in time. Check the network or proxy.", cause);
        }
        if (io instanceof UnknownHostException || io instanceof ConnectException) {
            return new ConnectorException(ErrorKind.NETWORK, "BigQuery could not be reached (" + io.getClass().getSimpleName()
                    + ": " + redact(String.valueOf(io.getMessage())) + "). Check the network, proxy or endpoint override.", cause);
        }
        String text = redact(String.valueOf(io.getMessage()));
        if (text.contains("access token") || text.contains("invalid_grant") || text.contains("refresh")
                || text.contains("Token") || text.contains("401")) {
            return new ConnectorException(ErrorKind.AUTHENTICATION, "Getting an access token failed: " + text
                    + " Log in again (gcloud auth application-default login), or check that the key is still valid.", cause);
        }
        return new ConnectorException(ErrorKind.NETWORK, "Talking to BigQuery failed: " + text, cause);
    }

    private static Throwable rootIo(Throwable e) {
        Throwable found = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IOException) {
                found = t;
            }
        }
        return found;
    }

    /** Zero-based offset of BigQuery's {@code [line:column]} (both one-based) in the statement, or null. */
    static Integer position(String message, String sql) {
        if (sql == null) {
            return null;
        }
        Matcher m = LINE_COLUMN.matcher(message);
        if (!m.find()) {
            return null;
        }
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int nl = sql.indexOf('\n', offset);
            if (nl < 0) {
                return null;
            }
            offset = nl + 1;
        }
        int position = offset + column - 1;
        return position >= 0 && position <= sql.length() ? position : null;
    }

    /** Masks access tokens, bearer headers, JWTs and private keys in text that came from outside. */
    static String redact(String text) {
        return text == null ? null : SECRETS.matcher(text).replaceAll("****");
    }
}
